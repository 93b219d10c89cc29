using System.Globalization;
using System.Text;
using Mammo.Learning.Inference;
using Mammo.Learning.Training;
using Mammo.Localisation;
using Mammo.Reporting.Figures;
using Mammo.Runs;
using Mammo.Storage;

namespace Mammo.Cli.Infrastructure;

/// <summary>
/// What <c>mammo localise</c> leaves behind, written as one folder atomically: <c>localisation.json</c> (summary),
/// <c>froc.csv</c> (every curve's points: heat map, random, heat map scored relative to its scan), <c>regions.csv</c> (every kept region, with how many lesion centres it
/// holds) and <c>froc.png</c>.
/// </summary>
public static class LocalisationFiles
{
    public const string DefaultFolder = "localisation";

    /// <summary>The top-k hit rates reported.</summary>
    public static IReadOnlyList<int> Tops { get; } = [1, 3, 5];

    /// <summary>The false-positive rates at which sensitivity is reported.</summary>
    public static IReadOnlyList<double> FalsePositiveRates { get; } = [0.5, 1, 2, 4];

    public static void Write(string output, bool overwrite, RunFolder run, LocalisationResult result, string title)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(result);
        var (froc, chance) = (result.Froc(), result.RandomFroc());
        var relative = result.ScanRelativeCases.Count > 0 ? result.ScanRelativeFroc() : null;
        var bilateral = result.BilateralCases.Count > 0 ? result.BilateralFroc() : null;
        AtomicOutput.WriteFolder(output, overwrite, OutputKind.Localisation, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "localisation.json"), Json.Serialize(Summary(run, result, froc, chance, relative, bilateral)) + "\n");
            File.WriteAllText(Path.Combine(folder, "froc.csv"), FrocCsv(froc, chance, relative, bilateral));
            File.WriteAllText(Path.Combine(folder, "regions.csv"), RegionsCsv(result.Cases));
            File.WriteAllBytes(Path.Combine(folder, "froc.png"), FrocFigure.RenderPng(froc, chance, title, bilateral));
        });
    }

    private static object Summary(RunFolder run, LocalisationResult result, FrocCurve froc, FrocCurve chance, FrocCurve? relative, FrocCurve? bilateral) => new
    {
        Run = run.Path,
        result.Task,
        Protocol = result.Protocol.ToString().ToLowerInvariant(),
        Detector = EnumNames.Of(result.Detector),
        FeatureAuc = result.FeatureAuc is { } auc ? new { auc.Estimate, auc.Lower, auc.Upper } : null,
        FeaturesStored = result.FeatureAuc is null ? (bool?)null : result.FeaturesStored,
        FeatureObjective = result.FeatureObjective is { } objective ? EnumNames.Of(objective) : null,
        result.Radii,
        RegionsPerScan = result.Cases.Max(c => c.Regions.Count),
        Scans = froc.Images,
        froc.Lesions,
        result.RandomRepeats,
        HeatmapSeconds = result.Seconds,
        HitRates = Tops.Select(t => new { Top = t, result.HitRate(t).Hits, result.HitRate(t).Rate, RandomRate = result.RandomHitRate(t).Rate, BilateralRate = bilateral is null ? (double?)null : result.BilateralHitRate(t).Rate }),
        Sensitivity = FalsePositiveRates.Select(r => new { FalsePositivesPerScan = r, HeatMap = froc.SensitivityAt(r), ScanRelative = relative?.SensitivityAt(r), Bilateral = bilateral?.SensitivityAt(r), Random = chance.SensitivityAt(r) }),
        Definitions = "a lesion is found when its centre lies inside a region; a region holding no lesion centre is a false positive; random regions: uniform breast pixels, the same radii and suppression; scan_relative: the same regions scored by log-odds minus the log-odds of their scan's median window; bilateral: the best regions re-ranked by log-odds minus half the log-odds of the best window of the patient's other breast near the mirrored point",
    };

    private static string FrocCsv(FrocCurve froc, FrocCurve chance, FrocCurve? relative, FrocCurve? bilateral)
    {
        var text = new StringBuilder("curve,threshold,false_positives_per_scan,sensitivity\n");
        foreach (var (name, curve) in new[] { ("heatmap", froc), ("random", chance), ("scan_relative", relative), ("bilateral", bilateral) })
        {
            foreach (var p in curve?.Points ?? [])
            {
                text.Append(CultureInfo.InvariantCulture, $"{name},{(double.IsInfinity(p.Threshold) ? "inf" : p.Threshold.ToString("R", CultureInfo.InvariantCulture))},{p.FalsePositivesPerImage:R},{p.Sensitivity:R}\n");
            }
        }

        return text.ToString();
    }

    private static string RegionsCsv(IReadOnlyList<LocalisationCase> cases)
    {
        var text = new StringBuilder("scan,rank,x,y,r,score,lesions_inside\n");
        foreach (var c in cases)
        {
            foreach (var (region, rank) in c.Regions.Select((r, i) => (r, i + 1)))
            {
                text.Append(CultureInfo.InvariantCulture, $"{c.ScanId},{rank},{region.Column:0.#},{region.Y:0.#},{region.Radius:0.#},{region.Score:R},{c.Lesions.Count(region.Contains)}\n");
            }
        }

        return text.ToString();
    }
}
