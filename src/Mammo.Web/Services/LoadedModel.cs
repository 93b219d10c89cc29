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

    /// <summary>One heat map at a time per model: a pass already uses every core, and others' pages need none.</summary>
    public SemaphoreSlim HeatmapGate { get; } = new(1, 1);

    public void Dispose()
    {
        Regions?.Dispose();
        Dense?.Dispose();
        Model.Dispose();
        HeatmapGate.Dispose();
    }
}
