using System.ComponentModel;
using System.Globalization;
using Mammo.Cli.Infrastructure;
using Mammo.Imaging;
using Mammo.Learning.Networks;
using Mammo.Learning.Training;
using Mammo.Preprocessing;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class TrainSettings : SplitSettings
{
    // null! here and below: Spectre sets every option, from [DefaultValue] when it is not given; the attribute is the one statement of the default.
    [CommandOption("-m|--model <NAME>")]
    [Description("Network from the registry (mammo model list; 'seed' is the former name of keras).")]
    [DefaultValue(ModelRegistry.DefaultName)]
    public string Model { get; init; } = null!;

    [CommandOption("-b|--balancing <METHOD>")]
    [Description("class (the original's), full, none, weights (class-weighted loss). Training part only.")]
    [DefaultValue(Balancing.Class)]
    public Balancing Balancing { get; init; }

    [CommandOption("-e|--epochs <N>")]
    [Description("Maximum epochs.")]
    [DefaultValue(60)]
    public int Epochs { get; init; }

    [CommandOption("--patience <N>")]
    [Description("Early stopping: epochs without a lower validation loss.")]
    [DefaultValue(10)]
    public int Patience { get; init; }

    [CommandOption("--batch <N>")]
    [DefaultValue(32)]
    public int Batch { get; init; }

    [CommandOption("--lr <RATE>")]
    [Description("Adam learning rate.")]
    [DefaultValue(1e-3)]
    public double LearningRate { get; init; }

    [CommandOption("--augment")]
    [Description("Also rotate (±30°) and shift (±10%) training patches on the fly, like Keras' ImageDataGenerator.")]
    public bool Augment { get; init; }

    [CommandOption("--calibrate")]
    [Description("Also Platt-scale the test probabilities, fitted on the validation part; metrics.json reports both.")]
    public bool Calibrate { get; init; }

    [CommandOption("--context <CONTEXT>")]
    [Description("The square cut around each region before resizing: lesion (the original's 2r square, lesion size normalised away) or fixed:N (an N-pixel square of native resolution, lesion size kept). Recorded in config.json's preprocessing as the crop radius rule (fixed:N/2).")]
    [DefaultValue("lesion")]
    [TypeConverter(typeof(ContextConverter))]
    public RadiusRule Context { get; init; } = null!;

    [CommandOption("--input <N>")]
    [Description("The side of the network's input in pixels: each crop is resized to N×N (the original: 48).")]
    [DefaultValue(48)]
    public int Input { get; init; }

    [CommandOption("--intensity <SCALING>")]
    [Description("unit (pixel/255, the original's) or zscore (each scan standardised over its breast tissue before cutting).")]
    [DefaultValue("unit")]
    [TypeConverter(typeof(IntensityConverter))]
    public IntensityScaling Intensity { get; init; }

    [CommandOption("--gain-jitter <G>")]
    [Description("With --augment: also multiply each training patch by a random gain in 1 ± G.")]
    [DefaultValue(0.0)]
    public double GainJitter { get; init; }

    [CommandOption("--weight-decay <W>")]
    [Description("Decoupled weight decay (AdamW); 0 keeps the original's Adam.")]
    [DefaultValue(0.0)]
    public double WeightDecay { get; init; }

    [CommandOption("--min-epoch <N>")]
    [Description("Early stopping keeps no epoch before N, so a few validation lesions cannot select a nearly untrained network.")]
    [DefaultValue(1)]
    public int MinEpoch { get; init; }

    [CommandOption("--hard-negatives <N>")]
    [Description("detect only: train each model twice, adding to the second round the N best-scoring regions away from every lesion that the first round's model finds on each training scan (0: one round).")]
    [DefaultValue(0)]
    public int HardNegatives { get; init; }

    [CommandOption("--fusion <KIND>")]
    [Description("none, or metadata: also fuse the network's score with the abnormality class and radius (fitted on training and validation parts only), reported beside the network and the baselines. Two-class lesion tasks only.")]
    [DefaultValue(FusionKind.None)]
    public FusionKind Fusion { get; init; }

    [CommandOption("--device <DEVICE>")]
    [Description("cpu, or cuda with a CUDA build of TorchSharp (this build is CPU-only and refuses cuda).")]
    [DefaultValue(ComputeDevice.Cpu)]
    public ComputeDevice Device { get; init; }

    [CommandOption("--threads <N>")]
    [Description("libtorch CPU threads (0: one per core). Results are reproducible for a given thread count.")]
    [DefaultValue(0)]
    public int Threads { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("Run folder (default runs/TASK-PROTOCOL-BALANCING-MODEL-sSEED).")]
    public string? Out { get; init; }

    [CommandOption("--init-from <FILE.pt>")]
    [Description("Start every model from a PyTorch state_dict (e.g. trained in Python with docs/mammo_networks.py) instead of random weights.")]
    public string? InitFrom { get; init; }

    [CommandOption("--resume <RUN>")]
    [Description("Continue an interrupted run from its last checkpoint (other options are read from its config.json).")]
    public string? Resume { get; init; }

    /// <summary>
    /// Where a run goes without --out: runs/TASK-PROTOCOL-BALANCING-MODEL-sSEED, in today's names (a former model
    /// name gives its new one, so --model seed and --model keras share a folder).
    /// </summary>
    public string DefaultFolder =>
        Path.Combine("runs", $"{Task}-{EnumNames.Of(Protocol)}-{EnumNames.Of(Balancing)}-{ModelNames.Canonical(Model)}-s{Seed.ToString(CultureInfo.InvariantCulture)}");

    public override ValidationResult Validate()
    {
        if (Protocol == EvaluationProtocol.Leaky && Context != RadiusRule.Lesion)
        {
            return ValidationResult.Error("--context: the leaky protocol (the original study's) keeps the original recipe (lesion); use it with patient, cv or official");
        }

        if (Protocol == EvaluationProtocol.Leaky && (Input != 48 || Intensity != IntensityScaling.UnitRange))
        {
            return ValidationResult.Error("--input/--intensity: the leaky protocol (the original study's) keeps the original recipe (48, unit); use them with patient, cv or official");
        }

        if (Fusion != FusionKind.None && Task is "3class" or "normal-abnormal" or "detect")
        {
            return ValidationResult.Error($"--fusion: task {Task} has regions without a lesion's class and radius; fusion needs a lesion task (calc, mass, arch, asym, all)");
        }

        if (HardNegatives != 0 && (HardNegatives is < 0 or > 50 || Task != "detect" || Protocol == EvaluationProtocol.Leaky))
        {
            return ValidationResult.Error(HardNegatives is < 0 or > 50
                ? "--hard-negatives must lie between 0 and 50"
                : "--hard-negatives: mining needs --task detect and held-out patients (--protocol patient, official or cv)");
        }

        if (Fusion != FusionKind.None && Protocol == EvaluationProtocol.Leaky)
        {
            return ValidationResult.Error("--fusion: the leaky protocol (the original study's) has no honest split to fit a fusion on");
        }

        // At parse time, before any data is read: the CPU package cannot become a CUDA one at run time.
        if (Device == ComputeDevice.Cuda && !Mammo.Learning.Training.TorchDevice.CudaAvailable)
        {
            return ValidationResult.Error("--device cuda: this build uses TorchSharp's CPU package and has no CUDA device; see docs/training.md for a CUDA build");
        }

        if (Resume is not null)
        {
            return ValidationResult.Success();
        }

        if (base.Validate() is { Successful: false } shared)
        {
            return shared;
        }

        return Epochs < 1 ? ValidationResult.Error("--epochs must be at least 1")
            : Patience < 1 ? ValidationResult.Error("--patience must be at least 1")
            : Batch < 1 ? ValidationResult.Error("--batch must be at least 1")
            : LearningRate <= 0 ? ValidationResult.Error("--lr must be positive")
            : Input is < 8 or > 512 ? ValidationResult.Error("--input must lie between 8 and 512")
            : !(WeightDecay >= 0) ? ValidationResult.Error("--weight-decay must not be negative")
            : GainJitter is < 0 or >= 1 || double.IsNaN(GainJitter) ? ValidationResult.Error("--gain-jitter must lie in [0, 1)")
            : GainJitter > 0 && !Augment ? ValidationResult.Error("--gain-jitter needs --augment")
            : MinEpoch < 1 || MinEpoch > Epochs ? ValidationResult.Error($"--min-epoch must lie between 1 and --epochs ({Epochs})")
            : ValidationResult.Success();
    }
}
