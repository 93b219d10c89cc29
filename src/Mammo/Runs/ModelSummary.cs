using System.Globalization;
using System.Text;
namespace Mammo.Runs;

/// <summary>
/// A Keras-like summary of a network: one row per leaf layer in the order the layers ran on a dummy input,
/// with output shapes (NCHW, batch first) and parameter counts, plus totals. Written at training time into the run's
/// <c>network.json</c>, so that reports show the layer table without building the network.
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
    public long TotalParameters => TrainableParameters + NonTrainableParameters;

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

}
