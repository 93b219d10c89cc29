using Mammo.Learning.Inference;
using Mammo.Learning.Training;
using Mammo.Onnx;
using Mammo.Runs;

namespace Mammo.Web.Services;

/// <summary>
/// One run's network(s) loaded once and shared by every request: the libtorch model, and the ONNX Runtime sessions
/// that <c>mammo predict</c> scores with by default (exported in memory; sessions are safe to run concurrently).
/// </summary>
public sealed class LoadedModel : IDisposable
{
    public LoadedModel(RunFolder run, int? fold)
    {
        ArgumentNullException.ThrowIfNull(run);
        Run = run;
        Fold = fold;
        Model = fold is { } f ? TrainedModel.LoadFold(run, f) : TrainedModel.Load(run);
        try
        {
            Regions = OnnxPatchClassifier.For(Model, run);
            Dense = OnnxDenseScorer.For(Model, run);
            Standing = HeldOutPerformance.Read(run);

            // A detect run's stored feature detector, for the same fold (or every fold's fit averaged), as predict loads it.
            if (FeatureDetectorFile.For(run, Model.Config, fold) is { } features)
            {
                Features = new CropByCropScorer(features, Model.Config.PatchSize);
                Combined = new LogOddsMeanScorer(Dense, Features);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public RunFolder Run { get; }

    /// <summary>The cross-validation fold whose model this is alone; null for the run's full model (or fold average).</summary>
    public int? Fold { get; }

    public TrainedModel Model { get; }

    public OnnxPatchClassifier Regions { get; private set; } = null!;

    public IDenseScorer Dense { get; private set; } = null!;

    public HeldOutPerformance Standing { get; private set; } = null!;

    /// <summary>The run's stored feature detector over the heat map's windows; null for a run without one.</summary>
    public IDenseScorer? Features { get; private set; }

    /// <summary>The network's and the feature detector's mean log-odds; null for a run without a feature detector.</summary>
    public IDenseScorer? Combined { get; private set; }

    /// <summary>What <see cref="DetectorKind.Auto"/> stands for here, as <see cref="FeatureDetectorFile.DefaultDetector"/> says for the command line.</summary>
    public DetectorKind Resolve(DetectorKind detector) => detector != DetectorKind.Auto ? detector : Combined is null ? DetectorKind.Network : DetectorKind.Combined;

    /// <summary>What scores the windows for <paramref name="detector"/>.</summary>
    /// <exception cref="InvalidSettingException">The run stores no feature detector.</exception>
    public IDenseScorer Windows(DetectorKind detector) => detector switch
    {
        DetectorKind.Network => Dense,
        DetectorKind.Auto => Combined ?? Dense,
        DetectorKind.Features => Features ?? throw NoFeatures(),
        _ => Combined ?? throw NoFeatures(),
    };

    /// <summary>One heat map at a time per model: a pass already uses every core, and others' pages need none.</summary>
    public SemaphoreSlim HeatmapGate { get; } = new(1, 1);

    private InvalidSettingException NoFeatures() =>
        new("detector", $"{System.IO.Path.GetFileName(Run.Path)}: has no feature-detector.json (a detect run trained by this Mammo stores one); map it with the network detector");

    public void Dispose()
    {
        Regions?.Dispose();

        // The combination owns the network's scorer and the features'; disposing it disposes both.
        (Combined ?? Dense)?.Dispose();
        Model.Dispose();
        HeatmapGate.Dispose();
    }
}
