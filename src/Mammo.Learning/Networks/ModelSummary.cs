using System.Globalization;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Mammo.Learning.Networks;

/// <summary>
/// A Keras-like summary of a network: one row per leaf layer in the order the layers ran on a dummy input,
/// with output shapes (NCHW, batch first) and parameter counts, plus totals.
/// </summary>
/// <param name="ModelName">The module's name (e.g. <c>SeedCnn</c>).</param>
/// <param name="InputShape">The dummy input's shape (default 1×1×48×48).</param>
/// <param name="Rows">The leaf layers in call order.</param>
/// <param name="TrainableParameters">Elements of parameters that require gradients.</param>
/// <param name="NonTrainableParameters">Elements of frozen parameters and floating-point buffers (batch-norm running mean/variance), as Keras counts them.</param>
public sealed record ModelSummary(
    string ModelName,
    IReadOnlyList<long> InputShape,
    IReadOnlyList<ModelSummaryRow> Rows,
    long TrainableParameters,
    long NonTrainableParameters)
{
    public static IReadOnlyList<long> DefaultInputShape { get; } = [1, NetworkInput.Channels, NetworkInput.Size, NetworkInput.Size];

    public long TotalParameters => TrainableParameters + NonTrainableParameters;

    /// <summary>
    /// Runs a zero input of <paramref name="inputShape"/> through <paramref name="model"/> (in eval mode, without
    /// gradients; the model's mode is restored) and records each leaf layer's output with a forward hook.
    /// Layers must be invoked with <c>call</c> (not <c>forward</c>) for their hooks to run, as the networks here do.
    /// </summary>
    public static ModelSummary Create(nn.Module<Tensor, Tensor> model, IReadOnlyList<long>? inputShape = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var shape = (inputShape ?? DefaultInputShape).ToArray();
        var rows = new List<ModelSummaryRow>();
        var removers = new List<Action>();
        var wasTraining = model.training;
        try
        {
            foreach (var (name, module) in model.named_modules())
            {
                if (module.children().Any() || module is not nn.Module<Tensor, Tensor> layer)
                {
                    continue;
                }

                var count = CountParameters(module, trainable: true) + CountParameters(module, trainable: false);
                var layerType = module.GetType().Name;
                var remover = layer.register_forward_hook((_, _, output) =>
                {
                    rows.Add(new ModelSummaryRow(name, layerType, [.. output.shape], count));
                    return output;
                });
                removers.Add(remover.remove);
            }

            model.eval();
            var first = model.parameters().FirstOrDefault();
            using var scope = NewDisposeScope();
            using var noGrad = torch.no_grad();
            var input = torch.zeros(shape, dtype: first?.dtype ?? ScalarType.Float32, device: first?.device);
            model.call(input);
        }
        finally
        {
            foreach (var remove in removers)
            {
                remove();
            }

            model.train(wasTraining);
        }

        return new ModelSummary(
            model.GetName(),
            shape,
            rows,
            CountParameters(model, trainable: true),
            CountParameters(model, trainable: false));
    }

    /// <summary>The summary as Keras prints it (shapes NCHW, batch shown as None).</summary>
    public string ToText()
    {
        var culture = CultureInfo.InvariantCulture;
        var lines = new List<(string Layer, string Shape, string Count)>();
        foreach (var row in Rows)
        {
            lines.Add(($"{row.Name} ({row.LayerType})", FormatShape(row.OutputShape), row.ParameterCount.ToString("N0", culture)));
        }

        var layerWidth = Math.Max("Layer (type)".Length, lines.Count == 0 ? 0 : lines.Max(l => l.Layer.Length)) + 2;
        var shapeWidth = Math.Max("Output Shape".Length, lines.Count == 0 ? 0 : lines.Max(l => l.Shape.Length)) + 2;
        var countWidth = Math.Max("Param #".Length, lines.Count == 0 ? 0 : lines.Max(l => l.Count.Length));
        var width = layerWidth + shapeWidth + countWidth;

        var text = new StringBuilder();
        text.Append(culture, $"Model: \"{ModelName}\"  input {FormatShape(InputShape)}").Append('\n');
        text.Append('_', width).Append('\n');
        text.Append("Layer (type)".PadRight(layerWidth)).Append("Output Shape".PadRight(shapeWidth)).Append("Param #".PadLeft(countWidth)).Append('\n');
        text.Append('=', width).Append('\n');
        for (var i = 0; i < lines.Count; i++)
        {
            var (layer, shape, count) = lines[i];
            text.Append(layer.PadRight(layerWidth)).Append(shape.PadRight(shapeWidth)).Append(count.PadLeft(countWidth)).Append('\n');
            text.Append(i == lines.Count - 1 ? '=' : '_', width).Append('\n');
        }

        if (lines.Count == 0)
        {
            text.Append('=', width).Append('\n');
        }

        text.Append(culture, $"Total params: {TotalParameters:N0}").Append('\n');
        text.Append(culture, $"Trainable params: {TrainableParameters:N0}").Append('\n');
        text.Append(culture, $"Non-trainable params: {NonTrainableParameters:N0}").Append('\n');
        text.Append('_', width).Append('\n');
        return text.ToString();
    }

    private static string FormatShape(IReadOnlyList<long> shape) =>
        "(" + string.Join(", ", shape.Select((d, i) => i == 0 ? "None" : d.ToString(CultureInfo.InvariantCulture))) + ")";

    private static long CountParameters(nn.Module module, bool trainable)
    {
        var total = module.parameters().Where(p => p.requires_grad == trainable).Sum(p => p.numel());
        if (!trainable)
        {
            total += module.buffers().Where(b => b.is_floating_point()).Sum(b => b.numel());
        }

        return total;
    }
}
