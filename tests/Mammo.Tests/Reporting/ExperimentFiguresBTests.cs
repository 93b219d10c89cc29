using Mammo.Reporting.Figures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

using static Mammo.Tests.TestSupport.PngProbe;

namespace Mammo.Tests.Reporting;

public class ExperimentFiguresBTests
{
    private const int Columns = 6;
    private const int Tile = 150;
    private const int PatchSide = 32;

    [Fact]
    public void Results_figure_decodes_at_the_requested_size_and_is_not_blank()
    {
        CellMetrics[] cells = [Cell("calc · cv · class", 0.8), Cell("mass · cv · class", 0.7, leaky: true), Cell("all · cv · class", 0.6)];

        using var png = Image.Load<Rgba32>(ResultsFigure.RenderPng("results", cells));

        Assert.Equal(1100, png.Width);
        Assert.Equal(520, png.Height);
        Assert.True(DistinctColours(png) > 50, $"only {DistinctColours(png)} colours");
        Assert.True(Centroid(png, p => Near(p, ResultsFigure.PrecisionColor)).Count > 1000);
        Assert.True(Centroid(png, p => Near(p, ResultsFigure.AucColor)).Count > 1000);
    }

    [Fact]
    public void Results_figure_draws_the_higher_AUC_as_the_taller_bar_on_its_own_side()
    {
        // Same precision, recall and F1: only the AUC bars differ, the high one first (left).
        CellMetrics[] cells = [Cell("high", 0.95), Cell("low", 0.2)];

        using var png = Image.Load<Rgba32>(ResultsFigure.RenderPng("auc", cells));

        var left = Centroid(png, p => Near(p, ResultsFigure.AucColor), new Rectangle(0, 0, png.Width / 2, png.Height)).Count;
        var right = Centroid(png, p => Near(p, ResultsFigure.AucColor), new Rectangle(png.Width / 2, 0, png.Width - (png.Width / 2), png.Height)).Count;
        Assert.True(left > 2.5 * right, $"AUC pixels: left {left}, right {right}");
        Assert.True(right > 500, $"the low AUC bar has only {right} pixels");
    }

    [Fact]
    public void Results_figure_leaves_no_AUC_bar_where_the_AUC_is_missing()
    {
        CellMetrics[] cells = [Cell("scored", 0.9), Cell("unscored", 0.9) with { Auc = null, AucLower = null, AucUpper = null }];

        using var png = Image.Load<Rgba32>(ResultsFigure.RenderPng("missing", cells));

        var scored = Centroid(png, p => Near(p, ResultsFigure.AucColor), new Rectangle(0, 0, png.Width / 2, png.Height)).Count;
        var unscored = Centroid(png, p => Near(p, ResultsFigure.AucColor), new Rectangle(png.Width / 2, 0, png.Width - (png.Width / 2), png.Height)).Count;
        Assert.True(scored > 3000, $"the AUC bar has only {scored} pixels");

        // Only the legend's swatch is left on the right.
        Assert.True(unscored < 600, $"{unscored} AUC pixels on the unscored side");
    }

    [Fact]
    public void Results_figure_widens_to_keep_24_cells_readable()
    {
        var cells = Enumerable.Range(0, 24).Select(i => Cell($"cell {i} · cv · class", 0.5 + (i / 50.0), leaky: i % 2 == 0)).ToList();

        using var png = Image.Load<Rgba32>(ResultsFigure.RenderPng("24 cells", cells));

        Assert.True(png.Width >= 24 * ResultsFigure.MinimumCellPx, $"only {png.Width} px wide");
        Assert.Equal(ResultsFigure.Width(24), png.Width);
        Assert.Equal(520, png.Height);
    }

    [Fact]
    public void Protocol_comparison_shows_the_seed_protocol_in_orange_and_patient_level_cv_in_blue()
    {
        ProtocolPair[] pairs =
        [
            new("calc · class", 0.9, 0.85, 0.95, 0.88, 0.6, 0.5, 0.7, 0.6),
            new("mass · class", 0.85, 0.8, 0.9, 0.8, 0.55, 0.45, 0.65, 0.57),
        ];

        using var png = Image.Load<Rgba32>(ProtocolComparisonFigure.RenderPng("leakage", pairs));

        Assert.Equal(1000, png.Width);
        Assert.Equal(520, png.Height);
        var leaky = Centroid(png, p => Near(p, ProtocolComparisonFigure.LeakyColor));
        var honest = Centroid(png, p => Near(p, ProtocolComparisonFigure.HonestColor));
        Assert.True(leaky.Count > 2000, $"only {leaky.Count} orange pixels");
        Assert.True(honest.Count > 2000, $"only {honest.Count} blue pixels");

        // The leaky scores are higher here, so more orange than blue.
        Assert.True(leaky.Count > honest.Count, $"orange {leaky.Count}, blue {honest.Count}");
    }

    [Fact]
    public void Gallery_of_seven_in_six_columns_has_two_rows()
    {
        var items = Enumerable.Range(0, 7).Select(i => Item(128, $"#{i}\nbenign 0.91")).ToList();

        using var png = Image.Load<Rgba32>(PatchGalleryFigure.RenderPng("errors", items, Columns, Tile));

        Assert.Equal((2 * PatchGalleryFigure.Margin) + (Columns * Tile), png.Width);
        Assert.Equal(PatchGalleryFigure.TitleBand + (2 * (Tile + PatchGalleryFigure.CaptionBand)) + PatchGalleryFigure.Margin, png.Height);
        Assert.Equal((png.Width, png.Height), PatchGalleryFigure.Size(items, Columns, Tile));
    }

    [Fact]
    public void Highlighted_tile_is_framed_in_red_and_a_plain_one_is_not()
    {
        GalleryItem[] items = [Item(128, "confident\nerror", highlight: true), Item(128, "plain")];

        using var png = Image.Load<Rgba32>(PatchGalleryFigure.RenderPng("frames", items, Columns, Tile));

        Assert.True(RedAround(png, items, 0) > 4 * 100, $"only {RedAround(png, items, 0)} red pixels around the highlighted tile");
        Assert.Equal(0, RedAround(png, items, 1));
    }

    [Fact]
    public void Patches_land_in_their_tiles_the_right_way_up()
    {
        var half = new byte[PatchSide * PatchSide];
        Array.Fill(half, (byte)255, 0, half.Length / 2);
        GalleryItem[] items = [Item(255, "bright"), Item(0, "dark"), new(half, PatchSide, "top bright", false)];

        using var png = Image.Load<Rgba32>(PatchGalleryFigure.RenderPng("placement", items, Columns, Tile));

        Assert.Equal(new Rgba32(255, 255, 255), Centre(png, items, 0));
        Assert.Equal(new Rgba32(0, 0, 0), Centre(png, items, 1));

        // Row 0 of the pixels is at the top.
        var (left, top, side) = PatchGalleryFigure.ImageArea(items, 2, Columns, Tile);
        Assert.Equal(new Rgba32(255, 255, 255), png[left + (side / 2), top + (side / 4)]);
        Assert.Equal(new Rgba32(0, 0, 0), png[left + (side / 2), top + (3 * side / 4)]);
    }

    [Fact]
    public void Gallery_rejects_pixels_that_do_not_fill_the_patch()
    {
        GalleryItem[] items = [new(new byte[(PatchSide * PatchSide) - 1], PatchSide, "short", false)];

        Assert.Throws<ArgumentException>(() => PatchGalleryFigure.RenderPng("bad", items));
    }

    [Fact]
    public void Empty_gallery_still_renders_a_figure()
    {
        using var png = Image.Load<Rgba32>(PatchGalleryFigure.RenderPng("none", [], Columns, Tile));

        Assert.Equal(PatchGalleryFigure.Size([], Columns, Tile), (png.Width, png.Height));
        Assert.True(Centroid(png, p => p.R < 100 && p.G < 100 && p.B < 100).Count > 100, "no text drawn");
    }

    private static CellMetrics Cell(string name, double auc, bool leaky = false) =>
        new(name, leaky, 0.7, 0.6, 0.65, auc, auc - 0.05, Math.Min(1, auc + 0.05));

    private static GalleryItem Item(byte grey, string caption, bool highlight = false)
    {
        var pixels = new byte[PatchSide * PatchSide];
        Array.Fill(pixels, grey);
        return new GalleryItem(pixels, PatchSide, caption, highlight);
    }

    private static Rgba32 Centre(Image<Rgba32> png, IReadOnlyList<GalleryItem> items, int index)
    {
        var (left, top, side) = PatchGalleryFigure.ImageArea(items, index, Columns, Tile);
        return png[left + (side / 2), top + (side / 2)];
    }

    // Within a few pixels of the patch's edge, outside or on it.
    private static int RedAround(Image<Rgba32> png, IReadOnlyList<GalleryItem> items, int index)
    {
        var (left, top, side) = PatchGalleryFigure.ImageArea(items, index, Columns, Tile);
        var ring = new Rectangle(left - 6, top - 6, side + 12, side + 12);
        return Centroid(png, p => Near(p, PatchGalleryFigure.HighlightColor, 60), ring).Count;
    }
}
