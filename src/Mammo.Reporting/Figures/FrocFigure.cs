using Mammo.Localisation;
using ScottPlot;

namespace Mammo.Reporting.Figures;

/// <summary>
/// FROC curves as steps (sensitivity only changes at a region's score): the detector's, and the chance baseline's
/// dashed in grey, so how far the detector rises above chance is what the eye reads first.
/// </summary>
public static class FrocFigure
{
    /// <summary>The detector's line: a blue apart from the grey baseline, also for colour-blind readers.</summary>
    public static Color ModelColor { get; } = Color.FromHex("#1F5FBF");

    public static Color ChanceColor { get; } = Color.FromHex("#808080");

    /// <summary>The same regions scored against the other breast: orange, apart from blue and grey for every reader.</summary>
    public static Color BilateralColor { get; } = Color.FromHex("#D55E00");

    /// <param name="bilateral">The same detector's regions scored against the patient's other breast, drawn when given.</param>
    public static byte[] RenderPng(FrocCurve model, FrocCurve chance, string title, FrocCurve? bilateral = null, int widthPx = 800, int heightPx = 560)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(chance);
        using var plot = new Plot();
        var reach = Math.Max(model.Points[^1].FalsePositivesPerImage, 1e-9);
        AddSteps(plot, model, reach, ModelColor, LinePattern.Solid, $"heat map ({model.Lesions} lesions, {model.Images} scans)");
        if (bilateral is not null)
        {
            AddSteps(plot, bilateral, reach, BilateralColor, LinePattern.Solid, "the same, scored against the other breast");
        }

        AddSteps(plot, chance, reach, ChanceColor, LinePattern.Dashed, "random regions in the breast");
        plot.Axes.SetLimits(0, reach, 0, 1.02);
        plot.XLabel("false-positive regions per scan");
        plot.YLabel("lesion sensitivity");
        plot.Title(title);
        plot.ShowLegend(Alignment.LowerRight);
        FigureStyle.UseSans(plot);
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }

    // Drawn up to the detector's reach: the baseline may propose as many regions, but comparing beyond it says nothing.
    private static void AddSteps(Plot plot, FrocCurve curve, double reach, Color color, LinePattern pattern, string label)
    {
        var points = curve.Points.Where(p => p.FalsePositivesPerImage <= reach).ToList();
        var xs = points.Select(p => p.FalsePositivesPerImage).Append(reach).ToArray();
        var ys = points.Select(p => p.Sensitivity).Append(points[^1].Sensitivity).ToArray();
        var line = plot.Add.Scatter(xs, ys, color);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.MarkerSize = 0;
        line.LineWidth = 2.5f;
        line.LinePattern = pattern;
        line.LegendText = label;
    }
}
