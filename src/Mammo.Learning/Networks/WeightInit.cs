using TorchSharp;
using static TorchSharp.torch;

namespace Mammo.Learning.Networks;

/// <summary>
/// Weight initialisers that draw from an optional private generator (a seeded <see cref="torch.Generator"/>), so
/// building a network with a seed neither reads nor advances torch's global random state. With no generator they
/// draw from torch's default generator, which <c>torch.manual_seed</c> controls.
/// <para>
/// The draws use <c>Tensor.uniform_</c> / <c>Tensor.normal_</c> directly: in TorchSharp 0.107 <c>nn.init.uniform_</c>
/// and <c>nn.init.normal_</c> accept a generator but ignore it (two generators with the same seed give different values).
/// </para>
/// </summary>
internal static class WeightInit
{
    /// <summary>Creates the generator for <paramref name="seed"/>, or null to use torch's default generator.</summary>
    public static torch.Generator? CreateGenerator(int? seed) =>
        seed is int value ? new torch.Generator(unchecked((ulong)value)) : null;

    /// <summary>Fan-in and fan-out as Keras and torch compute them: [out, in, k...] → (in·Πk, out·Πk).</summary>
    public static (long FanIn, long FanOut) Fans(Tensor weight)
    {
        if (weight.dim() < 2)
        {
            throw new ArgumentException($"A weight needs at least 2 dimensions to have a fan-in and fan-out; got {weight.dim()}.", nameof(weight));
        }

        var receptiveField = 1L;
        for (var i = 2; i < weight.dim(); i++)
        {
            receptiveField *= weight.shape[i];
        }

        return (weight.shape[1] * receptiveField, weight.shape[0] * receptiveField);
    }

    /// <summary>Keras' default <c>glorot_uniform</c> (= torch's <c>xavier_uniform_</c>, gain 1): U(−l, l), l = √(6 / (fan_in + fan_out)).</summary>
    public static void GlorotUniform(Tensor weight, torch.Generator? generator)
    {
        var (fanIn, fanOut) = Fans(weight);
        var limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        using var noGrad = torch.no_grad();
        weight.uniform_(-limit, limit, generator);
    }

    /// <summary>He (Kaiming) normal for layers followed by ReLU: N(0, 2 / fan_in).</summary>
    public static void HeNormal(Tensor weight, torch.Generator? generator)
    {
        var (fanIn, _) = Fans(weight);
        using var noGrad = torch.no_grad();
        weight.normal_(0.0, Math.Sqrt(2.0 / fanIn), generator);
    }

    public static void Zeros(Tensor? tensor)
    {
        if (tensor is null)
        {
            return;
        }

        using var noGrad = torch.no_grad();
        nn.init.zeros_(tensor);
    }

    public static void Ones(Tensor? tensor)
    {
        if (tensor is null)
        {
            return;
        }

        using var noGrad = torch.no_grad();
        nn.init.ones_(tensor);
    }
}
