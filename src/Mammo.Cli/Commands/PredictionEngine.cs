namespace Mammo.Cli.Commands;

/// <summary>Which runtime scores a region: libtorch (the run's own networks) or ONNX Runtime (the same networks exported).</summary>
public enum PredictionEngine
{
    Torch,
    Onnx,
}
