using System.Globalization;
using System.Text;
using Mammo.Data;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Storage;

namespace Mammo.Reporting.Experiments;

/// <summary>
/// One self-contained HTML page for an experiment: figures embedded as data URIs, styles inline, no script, no
/// font or file fetched, so it opens from disk anywhere. Sections: the dataset, the method, the results across
/// cells (with the leaky protocol beside the honest one), every cell in detail, the caveats, how to reproduce.
/// </summary>
public static class ExperimentReport
{
    /// <summary>The report's top-level sections, in order: (anchor, heading).</summary>
    public static IReadOnlyList<(string Id, string Heading)> Sections { get; } =
    [
        ("baselines", "1. The network beside its baselines"),
        ("dataset", "2. The dataset"),
        ("method", "3. Method"),
        ("results", "4. Results"),
        ("cells", "5. Every cell"),
        ("caveats", "6. Caveats"),
        ("reproduce", "7. Reproduce"),
    ];

    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; max-width: 1120px; margin: 2rem auto; padding: 0 1.5rem; color: #1d1d1f; line-height: 1.5; }
        h1 { font-size: 1.9rem; margin-bottom: .2rem; } h2 { border-bottom: 2px solid #d0d7de; padding-bottom: .3rem; margin-top: 2.6rem; }
        h3 { margin-top: 2rem; } .subtitle { color: #57606a; margin-top: 0; }
        nav { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .6rem 1.2rem; }
        nav ol { margin: .3rem 0; } nav a { text-decoration: none; }
        table { border-collapse: collapse; margin: 1rem 0; font-size: .92rem; }
        th, td { border-bottom: 1px solid #d0d7de; padding: .3rem .7rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.leaky td { background: #fff8e6; } .tag { font-size: .78rem; padding: .05rem .4rem; border-radius: 4px; background: #ffe1a8; color: #6b4400; }
        figure { margin: 1.4rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eaeef2; }
        figcaption { color: #57606a; font-size: .9rem; margin-top: .3rem; } pre { background: #f6f8fa; padding: .8rem; overflow-x: auto; font-size: .85rem; }
        .warning { background: #fff8e6; border-left: 4px solid #d4a72c; padding: .6rem 1rem; }
        .ci { color: #57606a; font-size: .8rem; } td.cell { white-space: nowrap; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 0 1.5rem; }
        """;

    public static string Render(ExperimentFolder folder, Dataset dataset, IReadOnlyList<ExperimentFigure> figures, DateTimeOffset generated)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(figures);
        var plan = folder.ReadPlan();
        var rows = plan.Cells().Select(c => ExperimentSummary.Row(folder, c, null, string.Empty)).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Mammo experiment report</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>Mammo experiment report</h1>\n<p class=\"subtitle\">")
            .Append(E($"{folder.Path} · {rows.Count(r => r.Status == ExperimentCellState.Complete)} of {rows.Count} cells complete · generated {generated.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}"))
            .Append("</p>\n");
        html.Append("<p>Benign against malignant abnormalities in mini-MIAS mammograms, with the small CNN of the original study, trained under the original's protocol (<em>leaky</em>) and under patient-level cross-validation (<em>cv</em>: honest), for each abnormality group and balancing of the grid.</p>\n");
        Contents(html, plan, rows);
        Baselines(html, rows, figures);
        Dataset(html, dataset, figures);
        Method(html, plan, NetworkOf(folder, plan), figures);
        Results(html, rows, figures);
        Cells(html, folder, plan, rows, figures);
        Caveats(html, dataset, plan);
        Reproduce(html, plan, folder);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Contents(StringBuilder html, ExperimentPlan plan, List<ExperimentSummaryRow> rows)
    {
        html.Append("<nav><strong>Contents</strong>\n<ol>\n");
        foreach (var (id, heading) in Sections)
        {
            html.Append("<li><a href=\"#").Append(id).Append("\">").Append(E(heading[(heading.IndexOf(' ', StringComparison.Ordinal) + 1)..])).Append("</a>");
            if (id == "cells")
            {
                html.Append("\n<ol>\n");
                foreach (var cell in plan.Cells())
                {
                    var row = rows.Single(r => r.Cell == cell.Name);
                    html.Append("<li><a href=\"#cell-").Append(cell.Name).Append("\">").Append(E(cell.Name)).Append("</a>")
                        .Append(row.Leaky ? " <span class=\"tag\">leaky</span>" : string.Empty)
                        .Append(row.Status == ExperimentCellState.Complete ? string.Empty : $" ({E(ExperimentSummary.Text(row.Status))})").Append("</li>\n");
                }

                html.Append("</ol>\n");
            }

            html.Append("</li>\n");
        }

        html.Append("</ol>\n</nav>\n");
    }

    private static void Dataset(StringBuilder html, Dataset dataset, IReadOnlyList<ExperimentFigure> figures)
    {
        var s = DatasetSummary.Of(dataset);
        Heading(html, "dataset");
        html.Append("<p>The mini-MIAS database: 1024×1024 8-bit scans at 200 µm per pixel, with Info.txt giving each abnormality's class, severity, centre and radius. Read in place; nothing is written to it.</p>\n");
        html.Append("<table>\n<tr><th>count</th><th class=\"n\">value</th></tr>\n");
        foreach (var (name, value) in new[]
        {
            ("scans", s.Scans), ("patients (mdb(2k−1) and mdb(2k) are one patient's two breasts)", s.Patients), ("normal scans", s.NormalScans), ("abnormal scans", s.AbnormalScans),
            ("lesions (label rows with an abnormality)", s.Lesions), ("lesions with a centre", s.LesionsWithLocation), ("… benign", s.BenignWithLocation), ("… malignant", s.MalignantWithLocation),
        })
        {
            html.Append("<tr><td>").Append(E(name)).Append("</td><td class=\"n\">").Append(N(value)).Append("</td></tr>\n");
        }

        html.Append("</table>\n<table>\n<tr><th>tissue</th>").Append(string.Concat(s.ScansByTissue.Keys.Select(k => $"<th class=\"n\">{E(k)}</th>"))).Append("</tr>\n<tr><td>scans</td>")
            .Append(string.Concat(s.ScansByTissue.Values.Select(v => $"<td class=\"n\">{N(v)}</td>"))).Append("</tr>\n</table>\n");
        html.Append("<p>F fatty, G fatty-glandular, D dense-glandular.</p>\n<table>\n<tr><th>class</th><th class=\"n\">benign</th><th class=\"n\">malignant</th><th class=\"n\">total</th></tr>\n");
        foreach (var (code, counts) in s.ClassBySeverity)
        {
            html.Append("<tr><td>").Append(E(code)).Append("</td><td class=\"n\">").Append(N(counts["B"])).Append("</td><td class=\"n\">").Append(N(counts["M"]))
                .Append("</td><td class=\"n\">").Append(N(counts["B"] + counts["M"])).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        Figure(html, figures, "severity-by-class.png");
    }

    // The layer table as training recorded it (any cell: the network is the plan's), so the report needs no libtorch.
    private static (ExperimentCell Cell, ModelSummary Summary)? NetworkOf(ExperimentFolder folder, ExperimentPlan plan) =>
        plan.Cells().Select(c => (Cell: c, Summary: folder.Cell(c).ReadNetwork())).Where(n => n.Summary is not null)
            .OrderBy(n => n.Summary!.Rows.Count == 0 ? int.MaxValue : n.Summary.Rows[^1].OutputShape[^1])
            .Select(n => ((ExperimentCell, ModelSummary)?)(n.Cell, n.Summary!)).FirstOrDefault();

    private static void Method(StringBuilder html, ExperimentPlan plan, (ExperimentCell Cell, ModelSummary Summary)? network, IReadOnlyList<ExperimentFigure> figures)
    {
        Heading(html, "method");
        html.Append("<h3>Patches and augmentation</h3>\n<p>Each lesion is cut as the square of side 2r around its centre (zero padding beyond the image, y counted from the bottom as in Info.txt) and resized to 48×48 (bicubic); a normal scan's square is near its centre (seeded). Patient-level runs augment each lesion into its 8 rotations and mirrors; one lesion with its 8 variants is one sample, and the test prediction is the mean over the variants. The leaky protocol cuts the original's 12 variants (4 of them pixel-identical duplicates) and treats every patch as a sample.</p>\n");
        html.Append("<h3>Balancing</h3>\n<p><em>class</em> (the original's): within each abnormality class the majority severity is undersampled to the minority's count, normal scans to the mean class size. <em>full</em>: every class × severity down to the smallest, normal twice that. <em>weights</em>: nothing discarded, the loss weighted by inverse class frequency. Applied to training parts only, counting lesions, seeded.</p>\n");
        Figure(html, figures, "balancing.png");
        html.Append("<h3>Protocols</h3>\n<p><strong>leaky</strong> (formerly <em>seed</em>) reproduces the original: the augmented patches are balanced, shuffled and cut 75/25 after augmentation, so copies of a lesion sit on both sides, and the test part also chooses the epoch. <strong>cv</strong> splits by patient into ")
            .Append(N(plan.Folds)).Append(" stratified folds; inside each fold a validation part of the training patients chooses the epoch; every lesion is tested once, by the model that never saw its patient; the AUC is computed over the pooled out-of-fold predictions with a 2,000-resample bootstrap interval, and the mean of the fold AUCs with a t-interval.</p>\n");
        html.Append("<h3>Network and training</h3>\n");
        if (network is not { Summary: var summary, Cell: var cell })
        {
            html.Append("<p>Network <code>").Append(E(plan.Model)).Append("</code> (no cell of this experiment recorded its layer table: Mammo writes network.json when a cell starts training, and cells trained before it did have none).</p>\n");
        }
        else
        {
            var classes = summary.Rows.Count == 0 ? 0 : summary.Rows[^1].OutputShape[^1];
            html.Append("<p>Network <code>").Append(E(plan.Model)).Append("</code> as cell <code>").Append(E(cell.Name)).Append("</code> trained it, for ").Append(N(classes))
                .Append(" classes (a task with more classes adds output rows to the last layer):</p>\n<table>\n<tr><th>layer</th><th>output shape</th><th class=\"n\">parameters</th></tr>\n");
            foreach (var row in summary.Rows)
            {
                html.Append("<tr><td>").Append(E($"{row.Name} ({row.LayerType})")).Append("</td><td>").Append(E(string.Join(" × ", row.OutputShape.Skip(1)))).Append("</td><td class=\"n\">").Append(N(row.ParameterCount)).Append("</td></tr>\n");
            }

            html.Append("<tr><th>total</th><th></th><th class=\"n\">").Append(N(summary.TotalParameters)).Append("</th></tr>\n</table>\n");
        }

        html.Append("<p>Adam (learning rate 10⁻³), cross-entropy, batch 32, pixels scaled to 0–1, at most ").Append(N(plan.Epochs)).Append(" epochs with early stopping after ")
            .Append(N(plan.Patience)).Append(" epochs without a lower validation loss, keeping the best epoch's weights; seed ").Append(N(plan.Seed)).Append(" for every random choice.</p>\n");
    }

    // What a reader must see first: whether the network beats what the label table alone knows, on the same folds.
    private static void Baselines(StringBuilder html, List<ExperimentSummaryRow> rows, IReadOnlyList<ExperimentFigure> figures)
    {
        Heading(html, "baselines");
        string[] order = ["prevalence", "radius", "metadata", "features"];
        var honest = rows.Where(r => !r.Leaky && r.Status == ExperimentCellState.Complete).ToList();
        if (honest.Count == 0 || honest.All(r => r.Baselines.Count == 0))
        {
            html.Append("<p class=\"warning\">No honest cell of this experiment recorded baselines (it has no cv or patient cell, or it was trained before Mammo recorded them), so nothing here says whether the network beats the label table. Run it again into a new folder to have them.</p>\n");
            return;
        }

        html.Append("<p>Every honest cell's network beside four baselines fitted on the same training parts and scored on the same test parts: <b>prevalence</b> (the training share of malignant: a constant), <b>radius</b> (the annotated radius, nothing fitted), <b>metadata</b> (L2 logistic regression on abnormality class and log radius: nothing from the pixels) and <b>features</b> (hand-crafted image features of the lesion with the same regression). Pooled out-of-fold AUC with its 95% bootstrap CI; the mean of the per-fold AUCs, with its t interval, is the number to read for whether a model beats chance (a model with no signal scores <em>below</em> 0.5 pooled: see the prevalence column).</p>\n");
        html.Append("<table>\n<tr><th>cell</th><th class=\"n\">network AUC<br><span class=\"ci\">95% CI</span></th><th class=\"n\">network fold mean<br><span class=\"ci\">95% CI</span></th>");
        foreach (var name in order)
        {
            html.Append("<th class=\"n\">").Append(name).Append("</th>");
        }

        html.Append("<th>verdict</th></tr>\n");
        foreach (var r in honest)
        {
            html.Append("<tr><td class=\"cell\"><a href=\"#cell-").Append(r.Cell).Append("\">").Append(E(r.Cell)).Append("</a></td>")
                .Append(Stacked(r.Auc, r.AucLower, r.AucUpper)).Append(Stacked(r.FoldAucMean, r.FoldAucLower, r.FoldAucUpper));
            foreach (var name in order)
            {
                var b = r.Baselines.GetValueOrDefault(name);
                html.Append(Stacked(b?.Auc, b?.AucLower, b?.AucUpper));
            }

            html.Append("<td>").Append(E(Verdict(r))).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        Figure(html, figures, ExperimentFigures.BaselinesFile);
    }

    // An estimate over its interval, so that a table of many intervals stays narrow enough to read.
    private static string Stacked(double? value, double? lower, double? upper) => value is { } v
        ? string.Create(CultureInfo.InvariantCulture, $"<td class=\"n\">{v:0.000}{(lower is { } lo && upper is { } hi ? $"<br><span class=\"ci\">{lo:0.000}–{hi:0.000}</span>" : string.Empty)}</td>")
        : "<td class=\"n\">–</td>";

    private static string Verdict(ExperimentSummaryRow r)
    {
        var (lower, upper) = r.FoldAucLower is { } fl ? (fl, r.FoldAucUpper) : (r.AucLower, r.AucUpper);
        var chance = lower is not > 0.5 ? "not better than chance" : "better than chance";
        var metadata = r.Baselines.GetValueOrDefault("metadata")?.Auc;
        return metadata is { } m && upper is { } u && m > u ? chance + "; the metadata baseline does better"
            : metadata is { } m2 && r.AucLower is { } l && l > m2 ? chance + "; better than the metadata baseline"
            : chance;
    }

    private static void Results(StringBuilder html, List<ExperimentSummaryRow> rows, IReadOnlyList<ExperimentFigure> figures)
    {
        Heading(html, "results");
        html.Append("<p>Test part of every cell; the positive class is malignant. n counts test lesions (cv: every lesion, out of fold) or test patches (leaky).</p>\n");
        html.Append("<table>\n<tr><th>cell</th><th>status</th><th class=\"n\">n</th><th class=\"n\">accuracy</th><th class=\"n\">precision</th><th class=\"n\">recall</th><th class=\"n\">F1</th><th class=\"n\">AUC (95% CI)</th><th class=\"n\">fold AUC mean (95% CI)</th><th class=\"n\">seconds</th></tr>\n");
        foreach (var r in rows)
        {
            html.Append(r.Leaky ? "<tr class=\"leaky\">" : "<tr>").Append("<td><a href=\"#cell-").Append(r.Cell).Append("\">").Append(E(r.Cell)).Append("</a>")
                .Append(r.Leaky ? " <span class=\"tag\">leaky</span>" : string.Empty).Append("</td><td>").Append(E(ExperimentSummary.Text(r.Status))).Append("</td>")
                .Append(Td(r.TestCount)).Append(Td(r.Accuracy)).Append(Td(r.Precision)).Append(Td(r.Recall)).Append(Td(r.F1))
                .Append("<td class=\"n\">").Append(Interval(r.Auc, r.AucLower, r.AucUpper)).Append("</td><td class=\"n\">").Append(Interval(r.FoldAucMean, r.FoldAucLower, r.FoldAucUpper)).Append("</td>")
                .Append("<td class=\"n\">").Append(r.Seconds is { } sec ? sec.ToString("0", CultureInfo.InvariantCulture) : "–").Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        Figure(html, figures, "results.png");
        Figure(html, figures, "leaky-vs-cv.png");
    }

    private static void Cells(StringBuilder html, ExperimentFolder folder, ExperimentPlan plan, List<ExperimentSummaryRow> rows, IReadOnlyList<ExperimentFigure> figures)
    {
        Heading(html, "cells");
        foreach (var cell in plan.Cells())
        {
            var row = rows.Single(r => r.Cell == cell.Name);
            html.Append("<h3 id=\"cell-").Append(cell.Name).Append("\">").Append(E($"{cell.Task} · {cell.Protocol.ToString().ToLowerInvariant()} · {cell.Balancing.ToString().ToLowerInvariant()}"))
                .Append(row.Leaky ? " <span class=\"tag\">leaky</span>" : string.Empty).Append("</h3>\n");
            if (row.Status != ExperimentCellState.Complete)
            {
                html.Append("<p>Not complete (").Append(E(ExperimentSummary.Text(row.Status))).Append("). ").Append(E(row.Detail)).Append("</p>\n");
                continue;
            }

            if (row.Leaky)
            {
                html.Append("<p class=\"warning\">").Append(E(RunMetrics.LeakyWarning)).Append("</p>\n");
            }

            var report = folder.Cell(cell).File(RunFolder.ReportFile);
            if (File.Exists(report))
            {
                // The leak warning is already shown above, as a box.
                var lines = InputFile.ReadText(report, InputFile.MaxJsonBytes).Split('\n').Where(l => !l.StartsWith("WARNING", StringComparison.Ordinal)).SkipWhile(string.IsNullOrWhiteSpace);
                html.Append("<pre>").Append(E(string.Join('\n', lines).TrimEnd())).Append("</pre>\n");
            }

            // Confusion matrix and ROC are square and read well side by side; curves, galleries and scans need the width.
            var own = figures.Where(f => f.Cell == cell.Name).ToList();
            static bool Paired(ExperimentFigure f) => f.File.EndsWith("-confusion.png", StringComparison.Ordinal) || f.File.EndsWith("-roc.png", StringComparison.Ordinal);
            foreach (var figure in own.Where(f => f.File.EndsWith("-curves.png", StringComparison.Ordinal)))
            {
                Figure(html, figure);
            }

            html.Append("<div class=\"grid\">\n");
            foreach (var figure in own.Where(Paired))
            {
                Figure(html, figure);
            }

            html.Append("</div>\n");
            foreach (var figure in own.Where(f => !Paired(f) && !f.File.EndsWith("-curves.png", StringComparison.Ordinal)))
            {
                Figure(html, figure);
            }
        }
    }

    private static void Caveats(StringBuilder html, Dataset dataset, ExperimentPlan plan)
    {
        var s = DatasetSummary.Of(dataset);
        Heading(html, "caveats");
        html.Append("<ul>\n")
            .Append("<li><strong>Small data.</strong> ").Append(N(s.LesionsWithLocation)).Append(" located lesions (").Append(N(s.BenignWithLocation)).Append(" benign, ").Append(N(s.MalignantWithLocation))
            .Append(" malignant) from ").Append(N(s.Patients)).Append(" patients; the calcification group has only a few dozen. Confidence intervals are wide; differences between cells inside them are noise.</li>\n")
            .Append("<li><strong>The leaky protocol (the original study's) leaks.</strong> Rotated and mirrored copies of one lesion (four of its twelve pixel-identical) are on both sides of its split, and its test part chose the epoch. Its numbers measure memory, not diagnosis; the original's 0.83–0.98 accuracies came from it.</li>\n")
            .Append("<li><strong>Short training.</strong> At most ").Append(N(plan.Epochs)).Append(" epochs per model to keep the grid within half an hour on two CPU cores; the original trained far longer on its leaky split. More epochs raise the leaky protocol's numbers further; held out by patient they have not beaten chance (docs/results.md).</li>\n")
            .Append("<li><strong>Lesion-centred patches.</strong> Every patch is centred on a radiologist's mark and scaled by its radius: the task is easier than finding lesions, and normal patches come from another place of the breast than lesions.</li>\n")
            .Append("<li><strong>One database.</strong> mini-MIAS is 1990s digitised film, downsampled to 200 µm; nothing here says how a model transfers to modern digital mammography.</li>\n")
            .Append("</ul>\n");
    }

    private static void Reproduce(StringBuilder html, ExperimentPlan plan, ExperimentFolder folder)
    {
        Heading(html, "reproduce");
        var tasks = string.Join(',', plan.Tasks);
        var balancings = string.Join(',', plan.Balancings.Select(b => b.ToString().ToLowerInvariant()));
        var protocols = string.Join(',', plan.Protocols.Select(p => p.ToString().ToLowerInvariant()));
        html.Append("<pre>mammo experiment --data ").Append(E(plan.DataPath)).Append(" \\\n    --tasks ").Append(E(tasks)).Append(" --balancing ").Append(E(balancings))
            .Append(" --protocols ").Append(E(protocols)).Append(" \\\n    --model ").Append(E(plan.Model)).Append(" --folds ").Append(N(plan.Folds)).Append(" --epochs ").Append(N(plan.Epochs))
            .Append(" --patience ").Append(N(plan.Patience)).Append(" --seed ").Append(N(plan.Seed)).Append(" \\\n    --out ").Append(E(folder.Path))
            .Append("\nmammo report ").Append(E(folder.Path)).Append(" --out report.html</pre>\n<p>Data checksum (SHA-256): <code>").Append(E(plan.DataChecksum)).Append("</code>. The same seed gives the same numbers on CPU with the same thread count.</p>\n");
    }

    private static void Heading(StringBuilder html, string id) =>
        html.Append("<h2 id=\"").Append(id).Append("\">").Append(E(Sections.Single(s => s.Id == id).Heading)).Append("</h2>\n");

    private static void Figure(StringBuilder html, IReadOnlyList<ExperimentFigure> figures, string file)
    {
        if (figures.FirstOrDefault(f => f.File == file) is { } figure)
        {
            Figure(html, figure);
        }
    }

    private static void Figure(StringBuilder html, ExperimentFigure figure) =>
        html.Append("<figure id=\"fig-").Append(E(Path.GetFileNameWithoutExtension(figure.File))).Append("\"><img alt=\"").Append(E(figure.Title)).Append("\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(figure.Png)).Append("\">\n<figcaption><strong>").Append(E(figure.Title)).Append(".</strong> ").Append(E(figure.Caption)).Append("</figcaption></figure>\n");

    private static string Interval(double? value, double? lower, double? upper) =>
        value is not { } v ? "–"
        : lower is { } l && upper is { } u ? string.Create(CultureInfo.InvariantCulture, $"{v:0.000} ({l:0.000}–{u:0.000})")
        : v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Td(double? value) => $"<td class=\"n\">{value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "–"}</td>";

    private static string Td(int? value) => $"<td class=\"n\">{(value is { } v ? N(v) : "–")}</td>";

    private static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    // Only the characters HTML gives meaning to; the page is UTF-8, so "·", "–" and "µ" stay readable in the source.
    private static string E(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
