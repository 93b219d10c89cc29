using Mammo.Data;
using Mammo.Imaging;
using ScottPlot;

namespace Mammo.Reporting.Figures;

/// <summary>
/// The augmented copies of one cut region side by side, each captioned with its variant name, under a title
/// naming the origin. Pixel-exact: patches are enlarged by a whole factor where the cell allows it and always
/// drawn nearest-neighbour, so what looks different really differs.
/// </summary>
public static class VariantGallery
{
    private const int TitleBand = 44;
    private const int CaptionBand = 24;
    private const int CellMargin = 8;
    private const int MinimumCellPx = 64;
    private const float TitleFontSize = 16;
    private const float CaptionFontSize = 13;

    /// <param name="columns">Cells a row; by default 4 (the 8 dihedral copies: rotations over their mirrors), or 3
    /// for 12 (the original scheme's copies: one rotation a row, unmirrored, left-right, top-bottom).</param>
    public static byte[] RenderPng(IReadOnlyList<Patch> variants, int cellPx = 160, int? columns = null)
    {
        var (width, height) = Size(variants, cellPx, columns);
        using var plot = new Plot();

        // One plot whose coordinates are figure pixels, y downwards: the grid is laid out exactly, with no axes.
        plot.HideAxesAndGrid();
        plot.Layout.Fixed(new PixelPadding(0, 0, 0, 0));
        plot.Axes.SetLimits(0, width, height, 0);

        var origins = variants.Select(v => v.Origin.Id).Distinct(StringComparer.Ordinal).ToList();
        var title = plot.Add.Text(Title(variants, origins), width / 2.0, TitleBand / 2.0);
        title.Alignment = Alignment.MiddleCenter;
        title.LabelFontSize = TitleFontSize;
        title.LabelBold = true;
        title.LabelFontColor = Colors.Black;
        FigureStyle.UseSans(title.LabelStyle);

        var images = new List<ScottPlot.Image>(variants.Count);
        try
        {
            for (var i = 0; i < variants.Count; i++)
            {
                var patch = variants[i];
                var (left, top, side) = ImageArea(variants, i, cellPx, columns);
                var image = FigureStyle.ToImage(patch.Pixels, patch.Size, patch.Size);
                images.Add(image);
                var rect = plot.Add.ImageRect(image, new CoordinateRect(left, left + side, top + side, top));
                rect.AntiAlias = false;

                var frame = plot.Add.Rectangle(left - 1, left + side + 1, top + side + 1, top - 1);
                frame.LineColor = Colors.Gray;
                frame.LineWidth = 1;
                frame.FillColor = Colors.Transparent;

                // With several origins a variant name alone would be ambiguous, so the caption is the patch id.
                var caption = plot.Add.Text(origins.Count > 1 ? patch.Id : patch.Variant.Name, left + (side / 2.0), top + side + 4);
                caption.Alignment = Alignment.UpperCenter;
                caption.LabelFontSize = CaptionFontSize;
                caption.LabelFontColor = Colors.Black;
                FigureStyle.UseSans(caption.LabelStyle);
            }

            return plot.GetImageBytes(width, height, ImageFormat.Png);
        }
        finally
        {
            foreach (var image in images)
            {
                image.Dispose();
            }
        }
    }

    /// <summary>The PNG's size for these variants: a grid of <paramref name="cellPx"/>-wide cells under a title band.</summary>
    public static (int Width, int Height) Size(IReadOnlyList<Patch> variants, int cellPx = 160, int? columns = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        if (variants.Count == 0)
        {
            throw new ArgumentException("no variants to show", nameof(variants));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(cellPx, MinimumCellPx);
        var perRow = Columns(variants.Count, columns);
        var rows = (variants.Count + perRow - 1) / perRow;
        return (perRow * cellPx, TitleBand + (rows * (cellPx + CaptionBand)));
    }

    /// <summary>
    /// Where variant <paramref name="index"/> is drawn, in figure pixels: a square of side <c>Side</c> at
    /// (<c>Left</c>, <c>Top</c>), each patch pixel a whole block of figure pixels where the cell allows it.
    /// </summary>
    public static (int Left, int Top, int Side) ImageArea(IReadOnlyList<Patch> variants, int index, int cellPx = 160, int? columns = null)
    {
        _ = Size(variants, cellPx, columns);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, variants.Count);
        var perRow = Columns(variants.Count, columns);
        var side = ImageSide(variants[index].Size, cellPx);
        var inset = (cellPx - side) / 2;
        return ((index % perRow * cellPx) + inset, TitleBand + (index / perRow * (cellPx + CaptionBand)) + inset, side);
    }

    private static int Columns(int count, int? columns)
    {
        if (columns is { } given)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(given, 1, nameof(columns));
            return Math.Min(given, count);
        }

        return count == 12 ? 3 : Math.Min(count, 4);
    }

    // The largest whole multiple of the patch that fits, so every patch pixel becomes the same square of figure
    // pixels; a patch larger than the cell is shrunk instead (still nearest-neighbour).
    private static int ImageSide(int patchSize, int cellPx)
    {
        var room = cellPx - (2 * CellMargin);
        return patchSize <= room ? room / patchSize * patchSize : room;
    }

    private static string Title(IReadOnlyList<Patch> variants, List<string> origins)
    {
        if (origins.Count > 1)
        {
            return $"{origins.Count} origins · {variants.Count} patches";
        }

        var origin = variants[0].Origin;
        var what = origin.Severity is { } severity ? $"{origin.Class.Code()} {severity.Code()}" : origin.Class.Code();
        var size = variants[0].Size;
        return $"{origin.Id} · {what} · {variants.Count} variants ({size}×{size} px)";
    }
}
