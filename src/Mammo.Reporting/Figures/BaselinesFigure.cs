using System.Globalization;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace Mammo.Reporting.Figures;

/// <summary>
/// Every honest cell's network beside its baselines on the same folds: one group per cell, one bar per model
/// (the network first, in the AUC colour of the results figure; the baselines in greys and blues), each with its 95%
/// CI and chance marked. A network whose bar is no taller than the metadata baseline's, or whose interval crosses
/// 0.5, has not shown that it reads anything from the pixels.
/// </summary>
public static class BaselinesFigure
{
    private const double GroupWidth = 0.84;
    private const double Chance = 0.5;
    private const float TickFontSize = 13;
    private const float TitleFontSize = 17;
    private const float ErrorLineWidth = 1.6f;
    private const float ErrorCapPx = 5;
    private const string NameSeparator = "-";

    private static readonly double[] s_yTicks = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    // The network, then prevalence, radius, metadata, features (Okabe–Ito and greys: told apart without colour vision too).
    private static readonly Color[] s_colors =
        [ResultsFigure.AucColor, Color.FromHex("#BBBBBB"), Color.FromHex("#56B4E9"), Color.FromHex("#0072B2"), Color.FromHex("#009E73"), Color.FromHex("#777777")];

    public static byte[] RenderPng(string title, IReadOnlyList<BaselineComparison> cells, int widthPx = 1100, int heightPx = 520)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfLessThan(widthPx, 300);
        ArgumentOutOfRangeException.ThrowIfLessThan(heightPx, 200);
        var models = cells.SelectMany(c => c.Models.Select(m => m.Model)).Distinct().ToList();
        using var plot = new Plot();
        var width = GroupWidth / Math.Max(models.Count, 1);
        var (xs, ys, above, below) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var m = 0; m < models.Count; m++)
        {
            var bars = new List<Bar>();
            for (var c = 0; c < cells.Count; c++)
            {
                var x = c - (GroupWidth / 2) + ((m + 0.5) * width);
                var model = cells[c].Models.FirstOrDefault(a => a.Model == models[m]);
                if (model?.Auc is not { } auc)
                {
                    ResultsFigure.AddMissingMark(plot, x);
                    continue;
                }

                bars.Add(new Bar { Position = x, Value = Math.Clamp(auc, 0, 1), Size = width * 0.9, FillColor = s_colors[m % s_colors.Length], LineWidth = 0 });
                if (model.Lower is { } lower && model.Upper is { } upper)
                {
                    xs.Add(x);
                    ys.Add(auc);
                    above.Add(Math.Max(0, upper - auc));
                    below.Add(Math.Max(0, auc - lower));
                }
            }

            plot.Add.Bars(bars);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = models[m], FillColor = s_colors[m % s_colors.Length] });
        }

        if (xs.Count > 0)
        {
            var none = new double[xs.Count];
            plot.Add.Plottable(new ErrorBar(xs, ys, none, none, above, below) { LineColor = Colors.Black, LineWidth = ErrorLineWidth, CapSize = ErrorCapPx });
        }

        FigureStyle.AddChanceLine(plot, Chance);

        plot.Axes.SetLimits(-0.5, Math.Max(cells.Count, 1) - 0.5, 0, 1.02);
        plot.Axes.Left.TickGenerator = new NumericManual(s_yTicks, s_yTicks.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = TickFontSize;
        plot.Axes.Left.Label.FontSize = TickFontSize;
        plot.YLabel("held-out ROC AUC (95% CI)");
        plot.Title(title, TitleFontSize);
        plot.HideGrid();
        plot.Axes.Right.MinimumSize = 26;
        FigureStyle.UseSans(plot);
        var slotPx = (widthPx - 100.0) / Math.Max(cells.Count, 1);
        ResultsFigure.SetCategoryTicks(plot, [.. Enumerable.Range(0, cells.Count).Select(i => (double)i)], [.. cells.Select(c => c.Cell.Split(NameSeparator))], slotPx);
        plot.Legend.FontSize = TickFontSize;
        plot.Legend.FontName = plot.Axes.Title.Label.FontName;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }
}
