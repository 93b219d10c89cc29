using System.Globalization;
using ScottPlot;

namespace Mammo.Reporting.Figures;

/// <summary>
/// ROC curves of a cross-validation: the pooled curve thick in a strong colour, each fold's thin and pale behind it
/// (their spread shows how much the result depends on the split), and the chance diagonal dotted in grey.
/// </summary>
public static class RocFigure
{
    private const float PooledWidth = 3;
    private const float FoldWidth = 1.5f;
    private const double FoldOpacity = 0.5;

    // A little room beyond 0 and 1, so a curve along an edge is not half hidden by the frame.
    private const double Margin = 0.015;

    private static readonly ScottPlot.Palettes.Category10 s_foldPalette = new ScottPlot.Palettes.Category10();

    /// <summary>The pooled curve: the same blue as the FROC detector line, dark enough to stand out from the pale folds.</summary>
    public static Color PooledColor { get; } = Color.FromHex("#1F5FBF");

    public static Color ChanceColor { get; } = Color.FromHex("#808080");

    /// <summary>Fold <paramref name="index"/>'s curve colour: a pale tint, distinct per fold, never the pooled colour.</summary>
    public static Color FoldColor(int index) => s_foldPalette.GetColor(index).WithOpacity(FoldOpacity);

    /// <param name="pooled">The curve over all folds' predictions together.</param>
    /// <param name="folds">One curve per fold; may be empty.</param>
    public static byte[] RenderPng(string title, RocLine pooled, IReadOnlyList<RocLine> folds, int widthPx = 600, int heightPx = 560)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(pooled);
        ArgumentNullException.ThrowIfNull(folds);
        Validate(pooled, nameof(pooled));
        foreach (var fold in folds)
        {
            ArgumentNullException.ThrowIfNull(fold, nameof(folds));
            Validate(fold, nameof(folds));
        }

        using var plot = new Plot();
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LineColor = ChanceColor;
        chance.LineWidth = 1.5f;
        chance.LinePattern = LinePattern.Dotted;

        var legend = new List<LegendItem>();
        var foldItems = new List<LegendItem>();
        for (var i = 0; i < folds.Count; i++)
        {
            foldItems.Add(AddCurve(plot, folds[i], FoldColor(i), FoldWidth));
        }

        // Drawn last, so no fold hides it; listed first, as the result the figure is about.
        legend.Add(AddCurve(plot, pooled, PooledColor, PooledWidth));
        legend.AddRange(foldItems);
        legend.Add(new LegendItem { LabelText = "chance", LineColor = ChanceColor, LineWidth = 1.5f, LinePattern = LinePattern.Dotted });
        plot.Legend.ManualItems.AddRange(legend);

        // Fixed ticks: automatic ones drop 0 (just inside the margin) and print 1 as "1" beside "0.8".
        var positions = Enumerable.Range(0, 6).Select(i => i * 0.2).ToArray();
        var labels = positions.Select(p => p.ToString("0.0", CultureInfo.InvariantCulture)).ToArray();
        plot.Axes.Bottom.SetTicks(positions, labels);
        plot.Axes.Left.SetTicks(positions, labels);
        plot.Axes.SetLimits(-Margin, 1 + Margin, -Margin, 1 + Margin);
        plot.XLabel("false-positive rate (1 − specificity)");
        plot.YLabel("true-positive rate (sensitivity)");
        plot.Title(title);

        // Curves above chance keep to the upper left; the lower right is where the legend hides nothing.
        plot.ShowLegend(Alignment.LowerRight);
        plot.Legend.FontName = SansName();
        FigureStyle.UseSans(plot);
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }

    /// <summary>"pooled: AUC 0.71 (95% CI 0.60–0.81)", "fold 0: AUC 0.65", or just the name without an AUC.</summary>
    public static string Label(RocLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Auc is not { } auc)
        {
            return line.Name;
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{line.Name}: AUC {auc:0.00}");
        return line.AucLower is { } lower && line.AucUpper is { } upper
            ? string.Create(CultureInfo.InvariantCulture, $"{text} (95% CI {lower:0.00}–{upper:0.00})")
            : text;
    }

    private static LegendItem AddCurve(Plot plot, RocLine line, Color color, float width)
    {
        var curve = plot.Add.ScatterLine(line.FalsePositiveRates.ToArray(), line.TruePositiveRates.ToArray(), color);
        curve.LineWidth = width;
        return new LegendItem { LabelText = Label(line), LineColor = color, LineWidth = width };
    }

    private static void Validate(RocLine line, string parameter)
    {
        if (line.FalsePositiveRates.Count != line.TruePositiveRates.Count)
        {
            throw new ArgumentException(
                $"'{line.Name}' has {line.FalsePositiveRates.Count} false-positive rates but {line.TruePositiveRates.Count} true-positive rates",
                parameter);
        }

        if (line.FalsePositiveRates.Count == 0)
        {
            throw new ArgumentException($"'{line.Name}' has no points", parameter);
        }
    }

    // The legend takes a font name rather than a label style.
    private static string SansName()
    {
        var probe = new LabelStyle();
        FigureStyle.UseSans(probe);
        return probe.FontName;
    }
}
