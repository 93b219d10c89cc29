namespace Mammo.Cli.Commands;

/// <summary>What <c>mammo export</c> writes.</summary>
public enum ExportFormat
{
    /// <summary>One ONNX graph (opset 17) with the run's contract in its metadata, for ONNX Runtime and friends.</summary>
    Onnx,

    /// <summary>A PyTorch state_dict (torch.load reads it) for the plain PyTorch definitions in docs/interop.md.</summary>
    Pytorch,
}
