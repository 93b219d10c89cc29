namespace Mammo.Runs;

/// <summary>Where the network's arithmetic runs. The CPU build ships the CPU libtorch; CUDA needs the CUDA package (docs/training.md).</summary>
public enum ComputeDevice
{
    Cpu,
    Cuda,
}
