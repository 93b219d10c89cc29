using System.Globalization;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace Mammo.Reporting.Figures;

/// <summary>
/// What leakage is worth: for each task, the score under the original's leaky protocol (a patient's images may
/// land on both sides of the split) beside the score under patient-level cross-validation, first as AUC with its
/// 95% CI, then as accuracy. Paired bars in one panel per measure keep each gap directly readable, and the CIs
/// show whether an honest score is still distinguishable from chance.
/// </summary>
public static class ProtocolComparisonFigure
{
    private const double BarWidth = 0.36;
    private const double PairOffset = 0.2;
    private const double Chance = 0.5;

    // Room above 1.0 for the panel headers, which sit in data coordinates above the bars.
    private const double TopLimit = 1.12;
    private const double HeaderY = 1.06;
    private const float TickFontSize = 13;
    private const float HeaderFontSize = 14;
    private const float TitleFontSize = 17;
    private const float ErrorLineWidth = 1.6f;
    private const float ErrorCapPx = 6;
    private const string NameSeparator = " · ";

    private static readonly double[] s_yTicks = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    /// <summary>The leaky protocol's bars: a warm orange, the colour of a warning.</summary>
    public static Color LeakyColor { get; } = Color.FromHex("#E8862A");

    /// <summary>Patient-level cross-validation's bars: a blue, told apart from the orange also by colour-blind readers.</summary>
    public static Color HonestColor { get; } = Color.FromHex("#2166AC");

    public const string LeakyLegend = "leaky protocol (the original study's)";

    public const string HonestLegend = "patient-level cv (honest)";

    /// <param name="pairs">One group each; the AUC panel is on the left, the accuracy panel on the right, both
    /// listing the groups in this order.</param>
    public static byte[] RenderPng(string title, IReadOnlyList<ProtocolPair> pairs, int widthPx = 1000, int heightPx = 520)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfLessThan(widthPx, 300);
        ArgumentOutOfRangeException.ThrowIfLessThan(heightPx, 200);
        foreach (var pair in pairs)
        {
            ArgumentNullException.ThrowIfNull(pair, nameof(pairs));
        }

        var n = Math.Max(pairs.Count, 1);
        using var plot = new Plot();

        // One axis, two panels: groups 0..n-1 for AUC, then a one-slot gap, then n+1..2n for accuracy.
        var accuracyStart = n + 1;
        var leaky = new List<Bar>();
        var honest = new List<Bar>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var p = pairs[i];
            AddBar(plot, leaky, i - PairOffset, p.LeakyAuc, LeakyColor);
            AddBar(plot, honest, i + PairOffset, p.HonestAuc, HonestColor);
            AddBar(plot, leaky, accuracyStart + i - PairOffset, p.LeakyAccuracy, LeakyColor);
            AddBar(plot, honest, accuracyStart + i + PairOffset, p.HonestAccuracy, HonestColor);
        }

        plot.Add.Bars(leaky);
        plot.Add.Bars(honest);
        AddIntervals(plot, pairs);

        FigureStyle.AddChanceLine(plot, Chance);

        var divider = plot.Add.VerticalLine(n, 1, Colors.Gray, LinePattern.Solid);
        divider.ExcludeFromLegend = true;
        AddHeader(plot, "AUC (95% CI)", (n - 1) / 2.0);
        AddHeader(plot, "accuracy", accuracyStart + ((n - 1) / 2.0));

        plot.Axes.SetLimits(-0.5, accuracyStart + n - 0.5, 0, TopLimit);
        plot.Axes.Left.TickGenerator = new NumericManual(s_yTicks, s_yTicks.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = TickFontSize;
        plot.Axes.Left.Label.FontSize = TickFontSize;
        plot.YLabel("score");
        plot.Title(title, TitleFontSize);
        plot.HideGrid();

        // Room right of the data for the chance line's label.
        plot.Axes.Right.MinimumSize = 26;
        FigureStyle.UseSans(plot);
        SetGroupTicks(plot, pairs, accuracyStart, widthPx);

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = LeakyLegend, FillColor = LeakyColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = HonestLegend, FillColor = HonestColor });
        plot.Legend.FontSize = TickFontSize;
        plot.Legend.FontName = plot.Axes.Title.Label.FontName;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }

    private static void AddBar(Plot plot, List<Bar> bars, double position, double? value, Color color)
    {
        if (value is { } v)
        {
            bars.Add(new Bar { Position = position, Value = Math.Clamp(v, 0, 1), Size = BarWidth, FillColor = color, LineWidth = 0 });
        }
        else
        {
            ResultsFigure.AddMissingMark(plot, position);
        }
    }

    private static void AddIntervals(Plot plot, IReadOnlyList<ProtocolPair> pairs)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        var above = new List<double>();
        var below = new List<double>();

        void Add(double x, double? auc, double? lower, double? upper)
        {
            if (auc is { } a && lower is { } lo && upper is { } hi)
            {
                xs.Add(x);
                ys.Add(a);
                above.Add(Math.Max(0, hi - a));
                below.Add(Math.Max(0, a - lo));
            }
        }

        for (var i = 0; i < pairs.Count; i++)
        {
            var p = pairs[i];
            Add(i - PairOffset, p.LeakyAuc, p.LeakyLower, p.LeakyUpper);
            Add(i + PairOffset, p.HonestAuc, p.HonestLower, p.HonestUpper);
        }

        if (xs.Count == 0)
        {
            return;
        }

        var none = new double[xs.Count];
        plot.Add.Plottable(new ErrorBar(xs, ys, none, none, above, below)
        {
            LineColor = Colors.Black,
            LineWidth = ErrorLineWidth,
            CapSize = ErrorCapPx,
        });
    }

    private static void AddHeader(Plot plot, string text, double x)
    {
        var header = plot.Add.Text(text, x, HeaderY);
        header.Alignment = Alignment.MiddleCenter;
        header.LabelFontSize = HeaderFontSize;
        header.LabelBold = true;
        header.LabelFontColor = Colors.Black;
        FigureStyle.UseSans(header.LabelStyle);
    }

    // Each group named under both panels; about 100 px go to the left axis, the rest is shared by 2n + 1 slots.
    private static void SetGroupTicks(Plot plot, IReadOnlyList<ProtocolPair> pairs, int accuracyStart, int widthPx)
    {
        var positions = Enumerable.Range(0, pairs.Count).Select(i => (double)i)
            .Concat(Enumerable.Range(accuracyStart, pairs.Count).Select(i => (double)i)).ToArray();
        var parts = pairs.Concat(pairs).Select(p => p.Group.Split(NameSeparator)).ToArray();
        var slotPx = (widthPx - 100.0) / ((2 * Math.Max(pairs.Count, 1)) + 1);
        ResultsFigure.SetCategoryTicks(plot, positions, parts, slotPx);
    }
}
