using Mammo.Runs;
using static TorchSharp.torch;

namespace Mammo.Learning.Networks;

/// <summary>Builds a network by name. Names are case-insensitive; null or empty means <see cref="DefaultName"/>.</summary>
public static class ModelRegistry
{
    public const string DefaultName = ModelNames.Keras;
    public const string BatchNormName = "batchnorm";

    // One table: a network is added by one line here, and everything else (names, help, heat maps) follows.
    private static readonly (ModelDescription Description, Func<int, int?, int, nn.Module<Tensor, Tensor>> Create)[] s_networks =
    [
        (new(DefaultName, "The original study's Keras CNN: conv 32-64-64, per-pixel dense 64, dropout 0.25 (72,706 parameters for 2 classes)."), (k, seed, size) => new SeedCnn(k, seed, size)),
        (new(BatchNormName, "Three conv blocks with batch norm (16-32-64), global average pooling, dropout 0.3 (about 72k parameters)."), (k, seed, size) => new BatchNormCnn(k, seed, size)),
    ];

    /// <summary>The networks, default first, each with its former names.</summary>
    public static IReadOnlyList<ModelDescription> Models { get; } =
        [.. s_networks.Select(n => n.Description with { Aliases = [.. ModelNames.Aliases.Where(a => a.Value == n.Description.Name).Select(a => a.Key)] })];

    public static IReadOnlyList<string> Names => [.. Models.Select(m => m.Name)];

    /// <summary>Creates the network <paramref name="name"/> for <paramref name="classCount"/> classes and inputs of <paramref name="inputSize"/>² pixels.</summary>
    /// <exception cref="InvalidSettingException">The name is not one of <see cref="Names"/>, or the network cannot take that input size.</exception>
    public static nn.Module<Tensor, Tensor> Create(string? name = null, int classCount = 2, int? seed = null, int inputSize = NetworkInput.Size)
    {
        var resolved = Resolve(name);
        return s_networks.Single(n => n.Description.Name == resolved).Create(classCount, seed, inputSize);
    }

    /// <summary>The canonical name for <paramref name="name"/>, also for a former name (<c>seed</c> is <c>keras</c>).</summary>
    /// <exception cref="InvalidSettingException">The name is neither one of <see cref="Names"/> nor a former one.</exception>
    public static string Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return DefaultName;
        }

        var trimmed = ModelNames.Canonical(name.Trim());
        foreach (var model in Models)
        {
            if (string.Equals(model.Name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return model.Name;
            }
        }

        throw new InvalidSettingException("network", $"Unknown network '{trimmed}'. Valid names: {string.Join(", ", Names)}.");
    }
}
