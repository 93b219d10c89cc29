namespace Mammo.Cli.Commands;

/// <summary>What <c>mammo export</c> writes.</summary>
public enum ExportFormat
{
    /// <summary>One ONNX graph (opset 17) with the run's contract in its metadata, for ONNX Runtime and friends.</summary>
    Onnx,
}
