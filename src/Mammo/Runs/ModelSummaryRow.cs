namespace Mammo.Runs;

/// <summary>One layer of a <see cref="ModelSummary"/>, in the order the layers ran.</summary>
/// <param name="Name">The layer's registered name (its path in the state dict, e.g. <c>conv1</c>).</param>
/// <param name="LayerType">The TorchSharp module type, e.g. <c>Conv2d</c>.</param>
/// <param name="OutputShape">The layer's output shape for the summary's input (batch dimension first, NCHW).</param>
/// <param name="ParameterCount">Parameters of the layer plus its floating-point buffers (batch-norm running statistics), as Keras counts them.</param>
public sealed record ModelSummaryRow(string Name, string LayerType, IReadOnlyList<long> OutputShape, long ParameterCount);
