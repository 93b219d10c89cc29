using Mammo.Runs;
using static TorchSharp.torch;

namespace Mammo.Learning.Training;

/// <summary>The one libtorch device a run uses, for its model, its tensors and its predictions alike.</summary>
public static class TorchDevice
{
    /// <summary>Whether this build's libtorch can use a CUDA device (false with the CPU package this project ships).</summary>
    public static bool CudaAvailable => cuda.is_available();

    /// <exception cref="InvalidSettingException">CUDA was asked for and this build cannot use it.</exception>
    public static Device Of(ComputeDevice device) => device switch
    {
        ComputeDevice.Cpu => CPU,
        ComputeDevice.Cuda when CudaAvailable => CUDA,
        ComputeDevice.Cuda => throw new InvalidSettingException("device", "device cuda: no CUDA device is available to this build (it uses the CPU libtorch package; see docs/training.md)"),
        _ => throw new InvalidSettingException("device", $"device '{device}': expected cpu or cuda"),
    };
}
