using System.Globalization;
using ScottPlot;
using ScottPlot.Hatches;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace Mammo.Reporting.Figures;

/// <summary>
/// The scores of an experiment grid side by side: per cell four bars (precision, recall and F1 of the malignant
/// class, then the AUC with its 95% CI), on a 0..1 axis with chance marked, so cells compare at a glance and a
/// wide CI is not mistaken for a clear win. Cells scored under a leaky protocol are hatched and say so in their
/// label, because their numbers are optimistic and must not be read like the others.
/// </summary>
public static class ResultsFigure
{
    /// <summary>The narrowest a cell's slot gets: the figure widens beyond <c>widthPx</c> rather than squeeze.</summary>
    public const int MinimumCellPx = 90;

    // Left axis and legend panel beside the cells' slots, added to the width a many-cell figure widens to.
    private const int FramePx = 260;
    private const double BarWidth = 0.18;
    private const double SlotHalfWidth = 0.5;
    private const double Chance = 0.5;
    private const double TopLimit = 1.04;
    private const float TickFontSize = 13;
    private const float TitleFontSize = 17;
    private const float ErrorLineWidth = 1.6f;
    private const float ErrorCapPx = 6;
    private const float RotatedLabelDegrees = 45;
    private const double FitFraction = 0.92;
    private const double LineHeight = 1.3;
    private const string NameSeparator = " · ";

    // Precision, recall, F1, AUC: each bar's centre within its cell's slot, in cell units.
    private static readonly double[] s_offsets = [-0.3, -0.1, 0.1, 0.3];
    private static readonly Func<CellMetrics, double?>[] s_metricValues = [c => c.Precision, c => c.Recall, c => c.F1, c => c.Auc];
    private static readonly string[] s_metricNames = ["precision", "recall", "F1", "AUC (95% CI)"];
    private static readonly double[] s_yTicks = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    /// <summary>Precision bars (colours from the Okabe–Ito set, which colour-blind readers tell apart).</summary>
    public static Color PrecisionColor { get; } = Color.FromHex("#0072B2");

    public static Color RecallColor { get; } = Color.FromHex("#56B4E9");

    public static Color F1Color { get; } = Color.FromHex("#009E73");

    /// <summary>AUC bars: vermillion, on which the black CI bars stay visible.</summary>
    public static Color AucColor { get; } = Color.FromHex("#D55E00");

    /// <summary>The hatch drawn over a leaky cell's bars.</summary>
    public static Color LeakyHatchColor { get; } = Colors.White;

    private static Color[] MetricColors => [PrecisionColor, RecallColor, F1Color, AucColor];

    /// <param name="widthPx">The figure's width, widened to <see cref="MinimumCellPx"/> a cell (plus the axis and
    /// legend) when there are too many cells for it; see <see cref="Width"/>.</param>
    public static byte[] RenderPng(string title, IReadOnlyList<CellMetrics> cells, int widthPx = 1100, int heightPx = 520)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfLessThan(heightPx, 200);
        foreach (var cell in cells)
        {
            ArgumentNullException.ThrowIfNull(cell, nameof(cells));
        }

        var width = Width(cells.Count, widthPx);
        using var plot = new Plot();
        for (var m = 0; m < s_metricValues.Length; m++)
        {
            var bars = new List<Bar>();
            for (var i = 0; i < cells.Count; i++)
            {
                if (s_metricValues[m](cells[i]) is { } value)
                {
                    bars.Add(NewBar(i + s_offsets[m], value, MetricColors[m], cells[i].Leaky));
                }
            }

            plot.Add.Bars(bars);
        }

        AddAucIntervals(plot, cells);
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Auc is null)
            {
                AddMissingMark(plot, i + s_offsets[^1]);
            }
        }

        AddChanceLine(plot);

        plot.Axes.SetLimits(-SlotHalfWidth, Math.Max(cells.Count, 1) - SlotHalfWidth, 0, TopLimit);
        plot.Axes.Left.TickGenerator = new NumericManual(s_yTicks, s_yTicks.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = TickFontSize;
        plot.YLabel("score (malignant = positive)");
        plot.Title(title, TitleFontSize);
        plot.HideGrid();
        plot.Axes.Left.Label.FontSize = TickFontSize;
        FigureStyle.UseSans(plot);

        SetCellTicks(plot, cells, width);
        AddLegend(plot, cells.Any(c => c.Leaky));
        return plot.GetImageBytes(width, heightPx, ImageFormat.Png);
    }

    /// <summary>The PNG's width: <paramref name="widthPx"/>, or wider so each cell gets <see cref="MinimumCellPx"/>.</summary>
    public static int Width(int cellCount, int widthPx = 1100)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cellCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(widthPx, 400);
        return Math.Max(widthPx, (MinimumCellPx * cellCount) + FramePx);
    }

    private static Bar NewBar(double position, double value, Color color, bool leaky)
    {
        var bar = new Bar
        {
            Position = position,
            Value = Math.Clamp(value, 0, 1),
            Size = BarWidth,
            FillColor = color,
            LineWidth = 0,
        };
        if (leaky)
        {
            bar.FillHatch = new Striped(StripeDirection.DiagonalUp);
            bar.FillHatchColor = LeakyHatchColor;
        }

        return bar;
    }

    private static void AddAucIntervals(Plot plot, IReadOnlyList<CellMetrics> cells)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        var above = new List<double>();
        var below = new List<double>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is { Auc: { } auc, AucLower: { } lower, AucUpper: { } upper })
            {
                xs.Add(i + s_offsets[^1]);
                ys.Add(auc);
                above.Add(Math.Max(0, upper - auc));
                below.Add(Math.Max(0, auc - lower));
            }
        }

        if (xs.Count == 0)
        {
            return;
        }

        var none = new double[xs.Count];
        var errors = new ErrorBar(xs, ys, none, none, above, below)
        {
            LineColor = Colors.Black,
            LineWidth = ErrorLineWidth,
            CapSize = ErrorCapPx,
        };
        plot.Add.Plottable(errors);
    }

    /// <summary>"n/a" where a bar is missing, so a missing score is not read as a score of zero.</summary>
    internal static void AddMissingMark(Plot plot, double position)
    {
        var mark = plot.Add.Text("n/a", position, 0);
        mark.Alignment = Alignment.LowerCenter;
        mark.OffsetY = -3;
        mark.LabelFontSize = 11;
        mark.LabelFontColor = Colors.DimGray;
        FigureStyle.UseSans(mark.LabelStyle);
    }

    private static void AddChanceLine(Plot plot)
    {
        var line = plot.Add.HorizontalLine(Chance, 1.5f, Colors.DimGray, LinePattern.Dotted);
        line.Text = "chance";
        line.LabelOppositeAxis = true;
        line.LabelStyle.FontSize = 12;
        line.LabelStyle.BackgroundColor = Colors.DimGray;
        line.ExcludeFromLegend = true;
        FigureStyle.UseSans(line.LabelStyle);
    }

    private static void SetCellTicks(Plot plot, IReadOnlyList<CellMetrics> cells, int width)
    {
        var positions = Enumerable.Range(0, cells.Count).Select(i => (double)i).ToArray();
        var parts = cells.Select(c => c.Leaky ? [.. c.Name.Split(NameSeparator), "(leaky)"] : c.Name.Split(NameSeparator)).ToArray();
        SetCategoryTicks(plot, positions, parts, (double)(width - FramePx) / Math.Max(cells.Count, 1));
    }

    /// <summary>
    /// Category names under their slots, none overlapping: on one line where the widest fits its slot, else one
    /// part a line, else (a part still too wide) turned, reading down to the right from their slot.
    /// </summary>
    /// <param name="parts">Each category's name in parts (e.g. "calc", "cv", "class"), joined by " · " on one line.</param>
    internal static void SetCategoryTicks(Plot plot, double[] positions, string[][] parts, double slotPx)
    {
        var style = plot.Axes.Bottom.TickLabelStyle;
        style.FontSize = TickFontSize;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        var labels = parts.Select(p => string.Join(NameSeparator, p).Replace(NameSeparator + "(", " (", StringComparison.Ordinal)).ToArray();
        if (labels.Length == 0)
        {
            plot.Axes.Bottom.TickGenerator = new NumericManual();
            return;
        }

        using var paint = Paint.NewDisposablePaint();
        double Widest(IEnumerable<string> texts) => texts.Max(t => style.Measure(t, paint).Width);

        if (Widest(labels) <= slotPx * FitFraction)
        {
            plot.Axes.Bottom.TickGenerator = new NumericManual(positions, labels);
        }
        else if (Widest(parts.SelectMany(p => p)) <= slotPx * FitFraction)
        {
            plot.Axes.Bottom.TickGenerator = new NumericManual(positions, parts.Select(p => string.Join('\n', p)).ToArray());
            var lines = parts.Max(p => p.Length);
            plot.Axes.Bottom.MinimumSize = (float)((lines * TickFontSize * LineHeight) + TickFontSize);
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = new NumericManual(positions, labels);
            style.Rotation = RotatedLabelDegrees;
            style.Alignment = Alignment.MiddleLeft;
            style.OffsetY = TickFontSize / 2;
            var radians = RotatedLabelDegrees * Math.PI / 180;
            var widest = Widest(labels);
            plot.Axes.Bottom.MinimumSize = (float)((widest * Math.Sin(radians)) + (TickFontSize * 2));

            // The last label runs right past its slot.
            plot.Axes.Right.MinimumSize = (float)Math.Max(plot.Axes.Right.MinimumSize, (widest * Math.Cos(radians)) - (slotPx / 2));
        }
    }

    private static void AddLegend(Plot plot, bool anyLeaky)
    {
        for (var m = 0; m < s_metricNames.Length; m++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = s_metricNames[m], FillColor = MetricColors[m] });
        }

        if (anyLeaky)
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = "leaky protocol",
                FillColor = Colors.Gray,
                FillHatch = new Striped(StripeDirection.DiagonalUp),
                FillHatchColor = LeakyHatchColor,
            });
        }

        plot.Legend.FontSize = TickFontSize;
        plot.Legend.FontName = plot.Axes.Title.Label.FontName;
        plot.ShowLegend(Edge.Right);
    }
}
