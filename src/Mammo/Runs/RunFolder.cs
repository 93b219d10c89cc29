using Mammo.Data;
using Mammo.Storage;

namespace Mammo.Runs;

/// <summary>
/// A run folder is the contract between training, evaluation, reporting and prediction: each reads what the
/// previous wrote. Every file is written atomically; <c>status.json</c> says whether the run is complete.
/// <code>
/// config.json          every option, the seed, the data's checksum, the preprocessing pipeline
/// network.json         the network's layer table (names, output shapes, parameters), written when training starts
/// status.json          training | interrupted | complete
/// split.csv            which sample (lesion or normal scan) and patient went where
/// weights.bin          the best epoch's weights (cv: fold-0/weights.bin …, folds counted from 0)
/// history.csv          per-epoch loss and accuracy (cv: fold-N/history.csv)
/// checkpoint/          the last epoch's weights, optimizer state and history, for resuming (cv: fold-N/checkpoint/)
/// predictions.csv      one row per test lesion (or patch, leaky protocol): probabilities
/// predictions-no-tta.csv   the same without test-time augmentation
/// baselines.csv        each test sample's baseline scores, fitted on the same folds (patient and cv runs)
/// metrics.json         classification report, confusion matrix, AUC with CI, AP, sensitivity, specificity; baselines, calibration
/// report.txt           the classification report as scikit-learn prints it
/// log.txt              what happened, in order
/// hard-negatives.csv   detect with --hard-negatives: the regions each first-round model mined (round-1/: those models)
/// </code>
/// </summary>
public sealed class RunFolder(string path)
{
    public const string ConfigFile = "config.json";
    public const string StatusFile = "status.json";
    public const string WeightsFile = "weights.bin";
    public const string HistoryFile = "history.csv";
    public const string PredictionsFile = "predictions.csv";
    public const string PredictionsNoTtaFile = "predictions-no-tta.csv";
    public const string MetricsFile = "metrics.json";
    public const string FusionFile = "fusion.json";
    public const string PredictionsFusionFile = "predictions-fusion.csv";
    public const string FeatureDetectorFile = "feature-detector.json";
    public const string ReportFile = "report.txt";
    public const string LogFile = "log.txt";
    public const string NetworkFile = "network.json";
    public const string HardNegativesFile = "hard-negatives.csv";
    public const string CheckpointFolderName = "checkpoint";
    public const string LastWeightsFile = "last-weights.bin";
    public const string LastOptimizerFile = "last-optimizer.bin";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The folder of one trained model: the run itself, or <c>fold-N</c> in cross-validation.</summary>
    public string UnitFolder(int? fold) => fold is { } f ? System.IO.Path.Combine(Path, $"fold-{f}") : Path;

    /// <summary>The best epoch's weights of one unit.</summary>
    public string Weights(int? fold) => System.IO.Path.Combine(UnitFolder(fold), WeightsFile);

    /// <summary>The per-epoch history of one unit's finished training.</summary>
    public string History(int? fold) => System.IO.Path.Combine(UnitFolder(fold), HistoryFile);

    /// <summary>Where one unit keeps its last epoch (weights, optimizer state, history) for resuming.</summary>
    public string CheckpointFolder(int? fold) => System.IO.Path.Combine(UnitFolder(fold), CheckpointFolderName);

    public string CheckpointFile(int? fold, string name) => System.IO.Path.Combine(CheckpointFolder(fold), name);

    public RunConfig ReadConfig()
    {
        var file = File(ConfigFile);
        if (!System.IO.File.Exists(file))
        {
            throw new MammoDataException($"{Path}: not a run folder (no {ConfigFile})");
        }

        return InputFile.ReadJson<RunConfig>(file);
    }

    /// <summary>The layer table written when training started, or null for a run from before it was recorded.</summary>
    public ModelSummary? ReadNetwork()
    {
        var file = File(NetworkFile);
        return System.IO.File.Exists(file) ? InputFile.ReadJson<ModelSummary>(file) : null;
    }

    public RunStatus ReadStatus()
    {
        var file = File(StatusFile);
        if (!System.IO.File.Exists(file))
        {
            throw new MammoDataException($"{Path}: not a run folder (no {StatusFile})");
        }

        using var document = InputFile.ReadJsonDocument(file);
        var text = document.RootElement.Text("status", file);
        return Enum.TryParse<RunStatus>(text, true, out var status) && Enum.IsDefined(status)
            ? status
            : throw new MammoDataException($"{file}: field 'status' is '{text}', expected training, interrupted or complete");
    }

    /// <summary>Checks the run is complete and its outputs are there; the message says what to do otherwise.</summary>
    public void EnsureComplete()
    {
        if (!Directory.Exists(Path))
        {
            throw new MammoDataException($"{Path}: no such run folder");
        }

        var status = ReadStatus();
        if (status != RunStatus.Complete)
        {
            throw new MammoDataException($"{Path}: the run is {status.ToString().ToLowerInvariant()}, not complete")
            {
                Remedy = status == RunStatus.Interrupted ? DataRemedy.ResumeRun : DataRemedy.None,
                Subject = Path,
            };
        }

        foreach (var name in new[] { ConfigFile, PredictionsFile, MetricsFile })
        {
            if (!System.IO.File.Exists(File(name)))
            {
                throw new MammoDataException($"{File(name)}: missing from a run marked complete");
            }
        }
    }

    public void WriteJson<T>(string name, T value) => AtomicOutput.WriteAllText(File(name), Json.Serialize(value) + "\n");

    public void WriteText(string name, string text) => AtomicOutput.WriteAllText(File(name), text);

    public void WriteStatus(RunStatus status, string detail) =>
        WriteJson(StatusFile, new { Status = status.ToString().ToLowerInvariant(), Detail = detail, Updated = DateTimeOffset.UtcNow });

    public void Log(string message) =>
        System.IO.File.AppendAllText(File(LogFile), $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} {message}\n");
}
