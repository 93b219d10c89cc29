using Mammo.Imaging;
using Mammo.Reporting.Figures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

using static Mammo.Tests.TestSupport.PngProbe;

namespace Mammo.Tests.Reporting;

public class HeatmapFigureTests
{
    private const int Side = 256;
    private const int Cells = 16;
    private const string Title = "synthetic · heatmap";

    // 700 px wide leaves a 506 px data area: about two figure pixels per image pixel.
    private const int FigureWidth = 700;

    // In the lower half, where the scores are 0 (cold), so its colour is not confused with the hot block's.
    private static readonly HeatmapRegion s_region = new(Column: 192, Row: 200, Radius: 20, Score: 0.87, Rank: 1);

    [Fact]
    public void Heatmap_figure_decodes_at_the_requested_width_and_is_not_blank()
    {
        var scan = Scan();

        using var png = Image.Load<Rgba32>(HeatmapFigure.RenderPng(scan, Scores(), [s_region], Title, FigureWidth));

        var layout = HeatmapFigure.Layout(scan, Title, FigureWidth);
        Assert.Equal(FigureWidth, png.Width);
        Assert.Equal(layout.Height, png.Height);
        Assert.Equal(layout.DataWidth, layout.DataHeight);
        var colours = DistinctColours(png);
        Assert.True(colours > 100, $"only {colours} colours");
    }

    [Fact]
    public void Hot_cells_are_drawn_in_the_top_left_quarter_of_the_scan_unflipped()
    {
        var scan = Scan();

        using var png = Image.Load<Rgba32>(HeatmapFigure.RenderPng(scan, Scores(), [], Title, FigureWidth));

        var layout = HeatmapFigure.Layout(scan, Title, FigureWidth);
        var hot = Centroid(png, IsHot, DataArea(layout));
        Assert.True(hot.Count > 1000, $"only {hot.Count} hot pixels");

        // The hot block spans cells 2..5 both ways: image pixels 32..96, centre (64, 64).
        var (left, top) = layout.ToFigure(0, 0);
        var (middleX, middleY) = layout.ToFigure(Side / 2.0, Side / 2.0);
        Assert.InRange(hot.Centre.X, left, middleX);
        Assert.InRange(hot.Centre.Y, top, middleY);
        AssertNear(layout.ToFigure(64, 64), hot.Centre, 3);
    }

    [Fact]
    public void Unscored_cells_leave_the_scan_grey_and_scored_ones_tint_it()
    {
        var scan = Scan();

        using var png = Image.Load<Rgba32>(HeatmapFigure.RenderPng(scan, Scores(), [], Title, FigureWidth));

        var layout = HeatmapFigure.Layout(scan, Title, FigureWidth);

        // Top-right quarter: NaN, so exactly the scan's grey.
        var (x, y) = layout.ToFigure(200, 60);
        var unscored = png[(int)x, (int)y];
        Assert.True(unscored.R == unscored.G && unscored.G == unscored.B, $"unscored pixel is tinted: {unscored}");

        // Lower half: score 0, tinted by the colour map's cold end, so no longer grey.
        (x, y) = layout.ToFigure(60, 200);
        var cold = png[(int)x, (int)y];
        Assert.False(cold.R == cold.G && cold.G == cold.B, $"scored pixel is untinted: {cold}");
        Assert.False(IsHot(cold), $"cold pixel looks hot: {cold}");
    }

    [Fact]
    public void Region_is_circled_at_its_centre_and_labelled()
    {
        var scan = Scan();

        using var png = Image.Load<Rgba32>(HeatmapFigure.RenderPng(scan, Scores(), [s_region], Title, FigureWidth));

        var layout = HeatmapFigure.Layout(scan, Title, FigureWidth);
        var circle = Centroid(png, p => Near(p, HeatmapFigure.RegionColor));
        Assert.True(circle.Count > 100, $"only {circle.Count} pixels of the region colour");
        AssertNear(layout.ToFigure(s_region.Column, s_region.Row), circle.Centre, 3);
        Assert.Equal("#1 0.87", HeatmapFigure.Label(s_region));

        // The label sits on a darkened circle colour just above the circle.
        var labelColour = HeatmapFigure.RegionColor.Darken(0.6);
        var (labelX, labelY) = layout.ToFigure(s_region.Column, s_region.Row - s_region.Radius);
        var label = Centroid(png, p => Near(p, labelColour, 40), new Rectangle((int)labelX - 60, (int)labelY - 40, 120, 40));
        Assert.True(label.Count > 100, $"only {label.Count} label background pixels above the circle");
    }

    private static GrayImage Scan()
    {
        var pixels = new byte[Side * Side];
        for (var row = 0; row < Side; row++)
        {
            for (var column = 0; column < Side; column++)
            {
                // A gentle gradient, so the picture has many greys.
                pixels[(row * Side) + column] = (byte)(40 + ((row + column) / 8));
            }
        }

        return new GrayImage(Side, Side, pixels);
    }

    // NaN except a hot block (1.0) at cells 2..5 of the top-left quarter and 0.0 over the whole lower half.
    private static double[,] Scores()
    {
        var scores = new double[Cells, Cells];
        for (var r = 0; r < Cells; r++)
        {
            for (var c = 0; c < Cells; c++)
            {
                scores[r, c] = r is >= 2 and < 6 && c is >= 2 and < 6 ? 1.0
                    : r >= Cells / 2 ? 0.0
                    : double.NaN;
            }
        }

        return scores;
    }

    // The colour map's hot end is a deep red; tinted onto grey it stays clearly red.
    private static bool IsHot(Rgba32 p) => p.R - Math.Max(p.G, p.B) > 40;
}
