using Mammo.Data;
using ScottPlot;

namespace Mammo.Reporting.Figures;

/// <summary>Colours, fonts and image conversion shared by the figures, so every picture reads the same way.</summary>
public static class FigureStyle
{
    private static readonly string[] s_sansFamilies = ["Segoe UI", "Helvetica Neue", "Helvetica", "Arial", "Liberation Sans", "DejaVu Sans", "Noto Sans"];

    private static readonly Lazy<string> s_sans = new(() => s_sansFamilies.FirstOrDefault(IsInstalled) ?? Fonts.Sans);

    /// <summary>Circles of benign lesions (their labels are a darker shade): a light blue that stays visible on dark and bright tissue.</summary>
    public static Color Benign { get; } = Color.FromHex("#00B0FF");

    /// <summary>Circles of malignant lesions (their labels are a darker shade): red, which colour-blind readers still tell from the blue.</summary>
    public static Color Malignant { get; } = Color.FromHex("#FF3030");

    /// <summary>Dashed outlines of extra marked regions (cut squares): yellow, unlike either severity.</summary>
    public static Color Region { get; } = Color.FromHex("#FFD600");

    public static Color Of(Severity severity) => severity == Severity.Malignant ? Malignant : Benign;

    public static string Name(this Tissue tissue) => tissue switch
    {
        Tissue.Fatty => "fatty",
        Tissue.FattyGlandular => "fatty-glandular",
        Tissue.DenseGlandular => "dense-glandular",
        Tissue.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(tissue)),
    };

    /// <summary>A grey bitmap of row-major 8-bit pixels, row 0 first (ScottPlot's byte[row, column] convention).</summary>
    internal static Image ToImage(byte[] pixels, int width, int height)
    {
        var grid = new byte[height, width];
        Buffer.BlockCopy(pixels, 0, grid, 0, width * height);
        return new Image(grid);
    }

    // ScottPlot's default (and even its Fonts.Sans) can resolve to a serif face on Linux; a sans face reads better
    // at label sizes. Set per label because Plot.Font.Set changes ScottPlot's process-wide default, which other
    // plots rendering in parallel share.
    internal static void UseSans(LabelStyle label) => label.FontName = s_sans.Value;

    // GetTypeface falls back to the default face for a missing family, so a family is installed only if it comes
    // back under its own name. Not disposed: ScottPlot may hand out a cached typeface.
    private static bool IsInstalled(string family) =>
        string.Equals(Fonts.GetTypeface(family, bold: false, italic: false)?.FamilyName, family, StringComparison.OrdinalIgnoreCase);

    internal static void UseSans(Plot plot)
    {
        UseSans(plot.Axes.Title.Label);
        foreach (var axis in plot.Axes.GetAxes())
        {
            UseSans(axis.Label);
            UseSans(axis.TickLabelStyle);
        }

        plot.Legend.FontName = s_sans.Value;
    }

    /// <summary>The dotted line at an AUC of <paramref name="chance"/>, labelled on the right, out of the legend.</summary>
    public static void AddChanceLine(Plot plot, double chance)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var line = plot.Add.HorizontalLine(chance, 1.5f, Colors.DimGray, LinePattern.Dotted);
        line.Text = "chance";
        line.LabelOppositeAxis = true;
        line.LabelStyle.FontSize = 12;
        line.LabelStyle.BackgroundColor = Colors.DimGray;
        line.ExcludeFromLegend = true;
        UseSans(line.LabelStyle);
    }
}
