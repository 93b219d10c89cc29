using ScottPlot;

namespace Mammo.Reporting.Figures;

/// <summary>
/// Patches in a grid, each captioned below, under a title: to look at what the model got wrong. Small patches are
/// enlarged nearest-neighbour (by a whole factor where that fills most of the tile), so the texture seen is the
/// texture the model saw, not a smoothed version of it; highlighted tiles (e.g. confident errors) get a red frame.
/// </summary>
/// <remarks>
/// Layout, in figure pixels: width <c>2·Margin + columns·tilePx</c>; height <c>TitleBand + rows·(tilePx +
/// CaptionBand) + Margin</c> with <c>rows = ⌈count / columns⌉</c> (one row's worth for the empty message). Tile
/// <c>i</c> is the <c>tilePx</c> square at column <c>i mod columns</c>, row <c>i div columns</c>, its patch centred
/// in it (see <see cref="ImageArea"/>), its caption in the band below.
/// </remarks>
public static class PatchGalleryFigure
{
    public const int TitleBand = 44;
    public const int CaptionBand = 56;
    public const int Margin = 10;
    public const int MinimumTilePx = 64;
    public const string EmptyMessage = "no misclassified lesions";

    // Between the tile's edge and the patch: room for the highlight frame.
    private const int Inset = 6;
    private const int MaximumCaptionLines = 3;

    // A whole multiple of the patch (every patch pixel the same square) is used if it fills this much of the tile;
    // otherwise the patch fills the tile, its pixels then differing by one figure pixel in size.
    private const double WholeMultipleFill = 0.75;
    private const float TitleFontSize = 16;
    private const float CaptionFontSize = 12;
    private const float HighlightWidth = 3;

    /// <summary>The frame of highlighted tiles.</summary>
    public static Color HighlightColor { get; } = Color.FromHex("#E00000");

    public static byte[] RenderPng(string title, IReadOnlyList<GalleryItem> items, int columns = 6, int tilePx = 150)
    {
        ArgumentNullException.ThrowIfNull(title);
        var (width, height) = Size(items, columns, tilePx);
        using var plot = new Plot();

        // Coordinates are figure pixels, y downwards, with no axes: the grid is laid out exactly.
        plot.HideAxesAndGrid();
        plot.Layout.Fixed(new PixelPadding(0, 0, 0, 0));
        plot.Axes.SetLimits(0, width, height, 0);
        AddText(plot, title, width / 2.0, TitleBand / 2.0, Alignment.MiddleCenter, TitleFontSize, bold: true);

        if (items.Count == 0)
        {
            AddText(plot, EmptyMessage, width / 2.0, TitleBand + (tilePx / 2.0), Alignment.MiddleCenter, TitleFontSize, bold: false);
            return plot.GetImageBytes(width, height, ImageFormat.Png);
        }

        var images = new List<ScottPlot.Image>(items.Count);
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var (left, top, side) = ImageArea(items, i, columns, tilePx);
                var image = FigureStyle.ToImage(item.Pixels, item.Size, item.Size);
                images.Add(image);
                var rect = plot.Add.ImageRect(image, new CoordinateRect(left, left + side, top + side, top));

                // Enlarged: nearest-neighbour, so patch pixels stay sharp squares. Shrunk (a patch larger than
                // the tile): filtered, since dropping pixels would alias fine texture into false patterns.
                rect.AntiAlias = side < item.Size;

                var frame = item.Highlight
                    ? plot.Add.Rectangle(left - 3, left + side + 3, top + side + 3, top - 3)
                    : plot.Add.Rectangle(left - 1, left + side + 1, top + side + 1, top - 1);
                frame.LineColor = item.Highlight ? HighlightColor : Colors.Gray;
                frame.LineWidth = item.Highlight ? HighlightWidth : 1;
                frame.FillColor = Colors.Transparent;

                var tileTop = top - ((tilePx - side) / 2);
                AddText(plot, item.Caption, left + (side / 2.0), tileTop + tilePx + 2, Alignment.UpperCenter, CaptionFontSize, bold: false);
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

    /// <summary>The PNG's size for these items (see the layout in the remarks); also validates them.</summary>
    public static (int Width, int Height) Size(IReadOnlyList<GalleryItem> items, int columns = 6, int tilePx = 150)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(tilePx, MinimumTilePx);
        foreach (var item in items)
        {
            Validate(item);
        }

        var rows = Math.Max(1, (items.Count + columns - 1) / columns);
        return ((2 * Margin) + (columns * tilePx), TitleBand + (rows * (tilePx + CaptionBand)) + Margin);
    }

    /// <summary>
    /// Where item <paramref name="index"/>'s patch is drawn, in figure pixels: a square of side <c>Side</c> at
    /// (<c>Left</c>, <c>Top</c>), centred in its tile: a whole multiple of the patch where that fills three quarters of the tile, else the tile.
    /// </summary>
    public static (int Left, int Top, int Side) ImageArea(IReadOnlyList<GalleryItem> items, int index, int columns = 6, int tilePx = 150)
    {
        _ = Size(items, columns, tilePx);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, items.Count);
        var room = tilePx - (2 * Inset);
        var patch = items[index].Size;
        var whole = room / patch * patch;
        var side = whole >= room * WholeMultipleFill ? whole : room;
        var inset = (tilePx - side) / 2;
        var tileLeft = Margin + (index % columns * tilePx);
        var tileTop = TitleBand + (index / columns * (tilePx + CaptionBand));
        return (tileLeft + inset, tileTop + inset, side);
    }

    private static void Validate(GalleryItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(item.Pixels);
        ArgumentNullException.ThrowIfNull(item.Caption);
        ArgumentOutOfRangeException.ThrowIfLessThan(item.Size, 1);
        if (item.Pixels.Length != item.Size * item.Size)
        {
            throw new ArgumentException(
                $"a {item.Size}×{item.Size} patch needs {item.Size * item.Size} pixels, not {item.Pixels.Length}", nameof(item));
        }

        if (item.Caption.Split('\n').Length > MaximumCaptionLines)
        {
            throw new ArgumentException($"a caption has at most {MaximumCaptionLines} lines: \"{item.Caption}\"", nameof(item));
        }
    }

    private static void AddText(Plot plot, string text, double x, double y, Alignment alignment, float size, bool bold)
    {
        var label = plot.Add.Text(text, x, y);
        label.Alignment = alignment;
        label.LabelFontSize = size;
        label.LabelBold = bold;
        label.LabelFontColor = Colors.Black;
        FigureStyle.UseSans(label.LabelStyle);
    }
}
