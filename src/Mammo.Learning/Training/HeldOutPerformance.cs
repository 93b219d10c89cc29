using System.Text.Json;
using Mammo.Runs;
using Mammo.Storage;

namespace Mammo.Learning.Training;

/// <summary>
/// What a finished run is worth on patients it never saw, as its metrics.json records it: the network's AUC with
/// its 95% interval, and the baseline a prediction should be read against (the metadata logistic regression on
/// abnormality class and radius, nothing from the pixels; where a task has no metadata, the image-feature one).
/// Every prediction is shown beside this, so that a model at chance is never read as a finding.
/// </summary>
public sealed record HeldOutPerformance(double? Auc, double? AucLower, double? AucUpper, bool Leaky, string? BaselineName, double? BaselineAuc, double? BaselineLower, double? BaselineUpper)
{
    /// <summary>For a detect run that stores a feature detector: that detector's held-out AUC and 95% interval, on the same test regions.</summary>
    public double? FeatureDetectorAuc { get; init; }

    /// <summary>The lower end of <see cref="FeatureDetectorAuc"/>'s interval.</summary>
    public double? FeatureDetectorLower { get; init; }

    /// <summary>The upper end of <see cref="FeatureDetectorAuc"/>'s interval.</summary>
    public double? FeatureDetectorUpper { get; init; }

    /// <summary>The lower end of the network's interval is above 0.5 (and the protocol is honest).</summary>
    public bool BetterThanChance => !Leaky && AucLower is > 0.5;

    /// <summary>The baseline's estimate lies above the network's whole interval.</summary>
    public bool BaselineBetter => BaselineAuc is { } b && AucUpper is { } upper && b > upper;

    /// <exception cref="Data.MammoDataException">metrics.json is missing or not valid.</exception>
    public static HeldOutPerformance Read(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var file = run.File(RunFolder.MetricsFile);
        using var document = InputFile.ReadJsonDocument(file);
        var root = document.RootElement;
        var test = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("test_tta", out var t) ? t : default;
        var leaky = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("leaky", out var l) && l.ValueKind == JsonValueKind.True;
        var (name, baseline) = Baseline(root);
        var detector = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("feature_detector", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        return new HeldOutPerformance(
            test.OptionalNumber("auc"), test.OptionalNumber("auc_lower"), test.OptionalNumber("auc_upper"), leaky,
            name, baseline.OptionalNumber("auc"), baseline.OptionalNumber("auc_lower"), baseline.OptionalNumber("auc_upper"))
        {
            FeatureDetectorAuc = detector.OptionalNumber("auc"),
            FeatureDetectorLower = detector.OptionalNumber("auc_lower"),
            FeatureDetectorUpper = detector.OptionalNumber("auc_upper"),
        };
    }

    private static (string? Name, JsonElement Summary) Baseline(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("baselines", out var baselines) || baselines.ValueKind != JsonValueKind.Object)
        {
            return (null, default);
        }

        foreach (var name in new[] { "metadata", "features" })
        {
            if (baselines.TryGetProperty(name, out var summary) && summary.ValueKind == JsonValueKind.Object)
            {
                return (name, summary);
            }
        }

        return (null, default);
    }
}
