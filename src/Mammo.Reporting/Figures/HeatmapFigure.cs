using Mammo.Imaging;
using ScottPlot;
using SkiaSharp;

namespace Mammo.Reporting.Figures;

/// <summary>
/// A scan as a viewer shows it (row 0 at the top, square units) under a semi-transparent colour map of a score
/// grid (more opaque the higher the score), with a colour bar, and the given regions circled and labelled
/// "#rank score". Unscored cells (NaN, e.g. outside the breast) leave the scan untinted.
/// </summary>
public static class HeatmapFigure
{
    private const int PadLeft = 64;
    private const int PadBottom = 52;

    // Room for the colour bar panel (bar, ticks, tick labels, rotated label) right of the data area.
    private const int PadRight = 130;
    private const int TitleLineHeight = 24;
    private const int TitleMargin = 20;
    private const float TitleFontSize = 18;
    private const float RegionFontSize = 14;
    private const float CircleWidth = 2.5f;
    private const float LabelGap = 4;

    // Low scores only tint, so the tissue stays readable where nothing is suspected; high scores stand out.
    private const double MinimumAlpha = 0.25;
    private const double MaximumAlpha = 0.6;

    // Below this many figure pixels a circle hides under its stroke.
    private const double MinimumCirclePx = 6;

    /// <summary>Region circles: a green no colour-map shade blends to, so circles stay apart from the overlay.</summary>
    public static Color RegionColor { get; } = Color.FromHex("#00FF66");

    /// <summary>The colour map scores run through, 0 at its start and 1 at its end.</summary>
    public static IColormap Colormap { get; } = new ScottPlot.Colormaps.Turbo();

    /// <param name="scores">Score per cell, 0..1, or NaN where nothing was scored; the grid covers the whole
    /// image evenly: cell (r, c) spans rows r·H/R … (r+1)·H/R and columns c·W/C … (c+1)·W/C.</param>
    /// <param name="scoreLabel">The colour bar's label.</param>
    public static byte[] RenderPng(
        GrayImage scan, double[,] scores, IReadOnlyList<HeatmapRegion> regions, string title, int widthPx = 1000, string scoreLabel = "score")
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(scoreLabel);
        if (scores.GetLength(0) < 1 || scores.GetLength(1) < 1)
        {
            throw new ArgumentException("the score grid has no cells", nameof(scores));
        }

        var layout = Layout(scan, title, widthPx);
        using var plot = new Plot();
        using var grey = FigureStyle.ToImage(scan.Pixels, scan.Width, scan.Height);
        using var overlayBitmap = Overlay(scores);
        using var overlay = new Image(overlayBitmap);

        // As in ScanFigure: the row axis runs downwards so bitmap row 0 is at the top, and fixed padding with a
        // figure height matching the image's aspect keeps units square. The overlay spans the same rectangle, so
        // each grid cell lands exactly on the image rows and columns it covers.
        plot.Add.ImageRect(grey, new CoordinateRect(0, scan.Width, scan.Height, 0));
        var cells = plot.Add.ImageRect(overlay, new CoordinateRect(0, scan.Width, scan.Height, 0));

        // Nearest-neighbour: a smoothed grid would bleed colour into unscored (NaN) cells outside the breast.
        cells.AntiAlias = false;
        plot.Axes.SetLimits(0, scan.Width, scan.Height, 0);
        plot.Layout.Fixed(new PixelPadding(layout.Left, layout.Width - layout.Left - layout.DataWidth, PadBottom, layout.Top));
        plot.XLabel("column (px)");
        plot.YLabel("row (px, from the top)");
        plot.Title(title, TitleFontSize);
        plot.HideGrid();

        var bar = plot.Add.ColorBar(new UnitRange(Colormap));
        bar.Label = scoreLabel;
        bar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(0.1);
        FigureStyle.UseSans(bar.LabelStyle);
        FigureStyle.UseSans(bar.Axis.Label);
        FigureStyle.UseSans(bar.Axis.TickLabelStyle);

        foreach (var region in regions)
        {
            var radius = Math.Max(region.Radius, MinimumCirclePx / layout.Scale);
            var circle = plot.Add.Circle(region.Column, region.Row, radius);
            circle.LineColor = RegionColor;
            circle.LineWidth = CircleWidth;
            circle.FillColor = Colors.Transparent;
        }

        foreach (var region in regions)
        {
            AddLabel(plot, layout, region);
        }

        FigureStyle.UseSans(plot);
        return plot.GetImageBytes(layout.Width, layout.Height, ImageFormat.Png);
    }

    /// <summary>The figure's size and where the scan sits in it; the PNG is <paramref name="widthPx"/> wide.</summary>
    public static ScanFigureLayout Layout(GrayImage scan, string title, int widthPx = 1000)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentOutOfRangeException.ThrowIfLessThan(widthPx, PadLeft + PadRight + 100);
        if (scan.Width < 1 || scan.Height < 1)
        {
            throw new ArgumentException("the scan has no pixels", nameof(scan));
        }

        var dataWidth = widthPx - PadLeft - PadRight;
        var dataHeight = Math.Max(1, (int)Math.Round((double)dataWidth * scan.Height / scan.Width));
        var top = TitleMargin + (TitleLineHeight * title.Split('\n').Length);
        return new ScanFigureLayout(widthPx, top + dataHeight + PadBottom, PadLeft, top, dataWidth, dataHeight, scan.Width, scan.Height);
    }

    /// <summary>"#1 0.87": the region's rank and score.</summary>
    public static string Label(HeatmapRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return $"#{region.Rank} {region.Score:0.00}";
    }

    /// <summary>One RGBA pixel per grid cell, row 0 first; NaN cells fully transparent.</summary>
    private static SKBitmap Overlay(double[,] scores)
    {
        var (rows, columns) = (scores.GetLength(0), scores.GetLength(1));
        var bitmap = new SKBitmap(new SKImageInfo(columns, rows, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var score = scores[r, c];
                if (double.IsNaN(score))
                {
                    bitmap.SetPixel(c, r, SKColors.Transparent);
                    continue;
                }

                score = Math.Clamp(score, 0, 1);
                var colour = Colormap.GetColor(score);
                var alpha = (byte)Math.Round((MinimumAlpha + ((MaximumAlpha - MinimumAlpha) * score)) * 255);
                bitmap.SetPixel(c, r, new SKColor(colour.R, colour.G, colour.B, alpha));
            }
        }

        return bitmap;
    }

    // Above the circle, or below it when that would leave the image at the top.
    private static void AddLabel(Plot plot, ScanFigureLayout layout, HeatmapRegion region)
    {
        var radius = Math.Max(region.Radius, MinimumCirclePx / layout.Scale);
        var labelHeightPx = (RegionFontSize * 1.3) + 6 + LabelGap;
        var above = (region.Row - radius) * layout.Scale >= labelHeightPx;
        var label = plot.Add.Text(Label(region), region.Column, above ? region.Row - radius : region.Row + radius);
        label.Alignment = above ? Alignment.LowerCenter : Alignment.UpperCenter;
        label.OffsetY = above ? -LabelGap : LabelGap;
        label.LabelFontSize = RegionFontSize;
        label.LabelBold = true;
        label.LabelPadding = 3;

        // White on a darkened circle colour: readable on any tissue or tint, yet never the circle's exact colour
        // (tests find circles by it).
        label.LabelFontColor = Colors.White;
        label.LabelBackgroundColor = RegionColor.Darken(0.6).WithAlpha(0.85);
        FigureStyle.UseSans(label.LabelStyle);
    }

    /// <summary>The colour bar's source: scores are always 0..1, whatever the grid's own range.</summary>
    private sealed class UnitRange(IColormap colormap) : IHasColorAxis
    {
        public IColormap Colormap { get; } = colormap;

        public ScottPlot.Range GetRange() => new(0, 1);
    }
}
