using System.Globalization;
using Mammo.Evaluation;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Mammo.Reporting.Figures;

/// <summary>
/// A reliability diagram: in each bin of predicted probability, the observed share of the positive class against
/// the mean prediction, with the diagonal of perfect calibration and each bin's count beside its point, and the
/// Brier score and expected calibration error in the title. What users ask of a classifier's probabilities: do
/// they mean what they say?
/// </summary>
public static class ReliabilityFigure
{
    private const float TickFontSize = 13;
    private const float TitleFontSize = 16;
    private const float MarkerPx = 9;
    private const float LabelFontSize = 11;

    private static readonly double[] s_ticks = [0, 0.2, 0.4, 0.6, 0.8, 1.0];

    public static Color PointColor { get; } = Color.FromHex("#0072B2");

    public static byte[] RenderPng(string title, CalibrationSummary calibration, string positiveClass, int widthPx = 560, int heightPx = 520)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(positiveClass);
        using var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LineColor = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfectly calibrated";

        var used = calibration.Bins.Where(b => b.Count > 0 && b.MeanPredicted is not null && b.ObservedFraction is not null).ToList();
        if (used.Count > 0)
        {
            var points = plot.Add.ScatterLine(used.Select(b => b.MeanPredicted!.Value).ToArray(), used.Select(b => b.ObservedFraction!.Value).ToArray(), PointColor);
            points.MarkerSize = MarkerPx;
            points.LineWidth = 1.5f;
            points.LegendText = "this model";
            // Neighbouring bins of a model that hedges near 0.5 sit close together: their counts go above and below in turn.
            foreach (var (bin, i) in used.Select((b, i) => (b, i)))
            {
                var label = plot.Add.Text(bin.Count.ToString(CultureInfo.InvariantCulture), bin.MeanPredicted!.Value, bin.ObservedFraction!.Value);
                label.LabelFontSize = LabelFontSize;
                label.LabelFontColor = Colors.DimGray;
                label.OffsetX = 6;
                label.OffsetY = i % 2 == 0 ? -20 : 8;
                FigureStyle.UseSans(label.LabelStyle);
            }
        }

        plot.Axes.SetLimits(0, 1, 0, 1);
        var labels = s_ticks.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)).ToArray();
        plot.Axes.Bottom.TickGenerator = new NumericManual(s_ticks, labels);
        plot.Axes.Left.TickGenerator = new NumericManual(s_ticks, labels);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickFontSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickFontSize;
        plot.XLabel($"mean predicted p({positiveClass}) in the bin");
        plot.YLabel($"observed share {positiveClass}");
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{title}\nBrier {calibration.Brier:0.000} · ECE {calibration.Ece:0.000} · {calibration.Count} samples"), TitleFontSize);
        FigureStyle.UseSans(plot);
        plot.Legend.FontSize = TickFontSize;
        plot.Legend.FontName = plot.Axes.Title.Label.FontName;
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }
}
