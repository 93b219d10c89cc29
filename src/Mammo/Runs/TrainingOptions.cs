namespace Mammo.Runs;

/// <summary>
/// How to fit a network. Defaults are the original study's: Adam, learning rate 1e-3, batch 32,
/// categorical cross-entropy; early stopping on validation loss with the best weights restored.
/// </summary>
public sealed record TrainingOptions
{
    public int MaxEpochs { get; init; } = 60;

    public int BatchSize { get; init; } = 32;

    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Epochs without a lower validation loss before stopping.</summary>
    public int Patience { get; init; } = 10;

    /// <summary>
    /// The first epoch early stopping may keep (1: any). Validation parts of 15–20 lesions can make an
    /// untrained network's loss look best; a floor keeps selection from choosing it.
    /// </summary>
    public int MinimumEpoch { get; init; } = 1;

    /// <summary>Decoupled weight decay (AdamW); 0 is plain Adam, the original's optimiser.</summary>
    public double WeightDecay { get; init; }

    public int Seed { get; init; }

    /// <summary>Random rotation (±30°) and shift (±10%) of each training patch per epoch, like Keras' ImageDataGenerator.</summary>
    public bool OnTheFlyAugmentation { get; init; }

    /// <summary>With on-the-fly augmentation: each patch's input values are also multiplied by a gain drawn from 1 ± this (0: none).</summary>
    public double GainJitter { get; init; }

    /// <summary>Per-class loss weights (the <c>weights</c> balancing); null weighs every class 1.</summary>
    public IReadOnlyList<float>? ClassWeights { get; init; }

    /// <summary>Threads for libtorch's CPU kernels; 0 leaves libtorch's default (one per core).</summary>
    public int Threads { get; init; }

    /// <summary><c>cpu</c>, or <c>cuda</c> when built against a CUDA TorchSharp package.</summary>
    public ComputeDevice Device { get; init; } = ComputeDevice.Cpu;
}
