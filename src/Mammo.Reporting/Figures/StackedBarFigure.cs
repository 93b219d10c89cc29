using System.Globalization;
using ScottPlot;

namespace Mammo.Reporting.Figures;

/// <summary>
/// Counts per category as stacked bars (e.g. lesions per tissue type, split by severity) with each bar's total
/// written above it, so both the split and the size of every category read at a glance. The y axis starts at 0:
/// a cut axis would make small counts look like large ones.
/// </summary>
public static class StackedBarFigure
{
    private const double BarWidth = 0.6;

    // Room above the tallest bar for its total.
    private const double Headroom = 0.12;
    private const float TotalFontSize = 13;
    private const float TotalGap = 3;

    // Category names carry the chart; a little larger than numeric ticks.
    private const float CategoryFontSize = 13;

    /// <param name="yLabel">What is counted, e.g. "lesions".</param>
    /// <param name="categories">One bar each, left to right, named under it.</param>
    /// <param name="series">Stacked bottom to top in this order, each with one non-negative value per category.</param>
    public static byte[] RenderPng(
        string title, string yLabel, IReadOnlyList<string> categories, IReadOnlyList<BarSeries> series, int widthPx = 800, int heightPx = 500)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(yLabel);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        Validate(categories, series);

        using var plot = new Plot();
        var totals = new double[categories.Count];
        var legend = new List<LegendItem>();
        foreach (var layer in series)
        {
            var color = Color.FromHex(layer.ColorHex);
            var bars = new List<Bar>();
            for (var i = 0; i < categories.Count; i++)
            {
                var value = layer.Values[i];

                // A zero-height bar would still draw as a line in the series colour.
                if (value > 0)
                {
                    bars.Add(new Bar
                    {
                        Position = i,
                        ValueBase = totals[i],
                        Value = totals[i] + value,
                        Size = BarWidth,
                        FillColor = color,
                        LineColor = Colors.White,
                        LineWidth = 1,
                    });
                }

                totals[i] += value;
            }

            if (bars.Count > 0)
            {
                plot.Add.Bars(bars);
            }

            legend.Add(new LegendItem { LabelText = layer.Name, FillColor = color, OutlineColor = color });
        }

        // Top layer first, as the stack reads from the top.
        legend.Reverse();
        plot.Legend.ManualItems.AddRange(legend);

        for (var i = 0; i < categories.Count; i++)
        {
            var total = plot.Add.Text(Format(totals[i]), i, totals[i]);
            total.Alignment = Alignment.LowerCenter;
            total.OffsetY = -TotalGap;
            total.LabelFontSize = TotalFontSize;
            total.LabelBold = true;
            FigureStyle.UseSans(total.LabelStyle);
        }

        var top = totals.Max();
        plot.Axes.SetLimits(-0.5, categories.Count - 0.5, 0, top > 0 ? top * (1 + Headroom) : 1);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, categories.Count).Select(i => (double)i)], [.. categories]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = CategoryFontSize;
        if (series.All(s => s.Values.All(v => v == Math.Floor(v))))
        {
            // Counts: a tick at 2.5 lesions (or a minor tick between counts) would read as nonsense.
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            plot.Axes.Left.MinorTickStyle.Length = 0;
        }

        plot.Grid.XAxisStyle.IsVisible = false;
        plot.YLabel(yLabel);
        plot.Title(title);

        // Outside the data area: no bar, however tall, hides under it.
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontName = SansName();
        FigureStyle.UseSans(plot);
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }

    private static void Validate(IReadOnlyList<string> categories, IReadOnlyList<BarSeries> series)
    {
        if (categories.Count == 0)
        {
            throw new ArgumentException("there are no categories to draw bars for", nameof(categories));
        }

        foreach (var layer in series)
        {
            ArgumentNullException.ThrowIfNull(layer, nameof(series));
            if (layer.Values.Count != categories.Count)
            {
                throw new ArgumentException(
                    $"series '{layer.Name}' has {layer.Values.Count} values for {categories.Count} categories", nameof(series));
            }

            if (layer.Values.Any(v => !double.IsFinite(v) || v < 0))
            {
                throw new ArgumentException($"series '{layer.Name}' has a negative or non-finite value; bars stack counts", nameof(series));
            }
        }
    }

    // The legend takes a font name rather than a label style.
    private static string SansName()
    {
        var probe = new LabelStyle();
        FigureStyle.UseSans(probe);
        return probe.FontName;
    }

    private static string Format(double total) => total.ToString("0.##", CultureInfo.InvariantCulture);
}
