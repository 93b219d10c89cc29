using Mammo.Reporting.Figures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

using static Mammo.Tests.TestSupport.PngProbe;

namespace Mammo.Tests.Reporting;

public class ExperimentFiguresATests
{
    private const string BenignHex = "#00B0FF";
    private const string MalignantHex = "#FF3030";

    private static readonly string[] s_twoCategories = ["fatty", "dense-glandular"];
    private static readonly string[] s_threeClasses = ["normal", "benign", "malignant"];
    private static readonly double[] s_perfectFpr = [0, 0, 1];
    private static readonly double[] s_perfectTpr = [0, 1, 1];
    private static readonly double[] s_worstFpr = [0, 1, 1];
    private static readonly double[] s_worstTpr = [0, 0, 1];

    // ---- stacked bars ----

    [Fact]
    public void Stacked_bars_decode_at_the_requested_size_and_are_not_blank()
    {
        using var png = Image.Load<Rgba32>(StackedBars([30, 10], [5, 5], 640, 420));

        Assert.Equal(640, png.Width);
        Assert.Equal(420, png.Height);
        Assert.True(DistinctColours(png) > 100, $"only {DistinctColours(png)} colours");
    }

    [Fact]
    public void Taller_total_gives_more_pixels_of_the_series_colour_than_a_smaller_one()
    {
        using var png = Image.Load<Rgba32>(StackedBars([30, 10], [0, 0]));

        var benign = ScottPlot.Color.FromHex(BenignHex);
        var (left, right) = Halves(png);
        var tall = Centroid(png, p => Near(p, benign), left).Count;
        var small = Centroid(png, p => Near(p, benign), right).Count;
        Assert.True(small > 500, $"only {small} pixels of the series colour in the small bar");

        // 3:1 in value; the legend's swatch (right half) only narrows the margin.
        Assert.True(tall > 2 * small, $"tall bar {tall} pixels, small bar {small}");
    }

    [Fact]
    public void Series_stack_bottom_to_top_in_order()
    {
        using var png = Image.Load<Rgba32>(StackedBars([20, 20], [20, 20]));

        var (left, _) = Halves(png);
        var bottom = Centroid(png, p => Near(p, ScottPlot.Color.FromHex(BenignHex)), left);
        var top = Centroid(png, p => Near(p, ScottPlot.Color.FromHex(MalignantHex)), left);
        Assert.True(bottom.Count > 500 && top.Count > 500, $"{bottom.Count} and {top.Count} pixels of the two series");

        // Image rows grow downwards: the first series sits lower.
        Assert.True(bottom.Centre.Y > top.Centre.Y + 50, $"first series at row {bottom.Centre.Y:0}, second at {top.Centre.Y:0}");
    }

    [Fact]
    public void Stacked_bars_reject_a_series_whose_length_differs_from_the_categories()
    {
        Assert.Throws<ArgumentException>(() => StackedBarFigure.RenderPng(
            "t", "lesions", s_twoCategories, [new BarSeries("benign", [1, 2, 3], BenignHex)]));
    }

    // ---- confusion matrix ----

    [Fact]
    public void Confusion_decodes_at_the_requested_size_and_is_not_blank()
    {
        using var png = Image.Load<Rgba32>(ConfusionFigure.RenderPng("t", s_threeClasses, Diagonal(), 500, 480));

        Assert.Equal(500, png.Width);
        Assert.Equal(480, png.Height);
        Assert.True(DistinctColours(png) > 100, $"only {DistinctColours(png)} colours");
    }

    [Fact]
    public void Diagonal_heavy_matrix_puts_the_dark_colour_on_the_diagonal()
    {
        using var png = Image.Load<Rgba32>(ConfusionFigure.RenderPng("t", s_threeClasses, Diagonal()));

        var hot = HotShares(png, 3);
        for (var row = 0; row < 3; row++)
        {
            for (var column = 0; column < 3; column++)
            {
                if (row == column)
                {
                    Assert.True(hot[row, column] > 0.6, $"cell ({row}, {column}) only {hot[row, column]:P0} dark");
                }
                else
                {
                    Assert.True(hot[row, column] < 0.05, $"cell ({row}, {column}) {hot[row, column]:P0} dark");
                }
            }
        }
    }

    [Fact]
    public void Rows_are_true_classes_top_to_bottom_and_columns_predictions_left_to_right()
    {
        // Class 0 always predicted as 1, 1 as 2, 2 as 0: only the correct orientation darkens exactly these cells.
        int[][] shifted = [[0, 10, 0], [0, 0, 10], [10, 0, 0]];

        using var png = Image.Load<Rgba32>(ConfusionFigure.RenderPng("t", s_threeClasses, shifted));

        var hot = HotShares(png, 3);
        for (var row = 0; row < 3; row++)
        {
            for (var column = 0; column < 3; column++)
            {
                var expected = column == (row + 1) % 3;
                Assert.True(expected ? hot[row, column] > 0.6 : hot[row, column] < 0.05, $"cell ({row}, {column}) {hot[row, column]:P0} dark");
            }
        }
    }

    [Fact]
    public void Confusion_text_is_white_on_dark_cells_and_black_on_light_ones()
    {
        Assert.Equal(ScottPlot.Colors.White, ConfusionFigure.TextColor(ConfusionFigure.Colormap.GetColor(1)));
        Assert.Equal(ScottPlot.Colors.Black, ConfusionFigure.TextColor(ConfusionFigure.Colormap.GetColor(0)));

        using var png = Image.Load<Rgba32>(ConfusionFigure.RenderPng("t", s_threeClasses, Diagonal()));
        var grid = HotGrid(png);
        var cell = grid.Width / 3;
        var darkCell = new Rectangle(grid.Left, grid.Top, cell, cell);
        var lightCell = new Rectangle(grid.Left + cell, grid.Top, cell, cell);
        Assert.True(Centroid(png, p => p.R > 230 && p.G > 230 && p.B > 230, darkCell).Count > 30, "no white text in the dark cell");
        Assert.True(Centroid(png, p => p.R < 40 && p.G < 40 && p.B < 40, lightCell).Count > 30, "no black text in the light cell");
    }

    [Fact]
    public void Confusion_cells_state_count_and_row_percentage_and_empty_rows_show_zero()
    {
        Assert.Equal("12\n(60%)", ConfusionFigure.Label(12, 0.6));

        int[][] emptyRow = [[12, 8], [0, 0]];
        Assert.Equal([["12\n(60%)", "8\n(40%)"], ["0\n(0%)", "0\n(0%)"]], ConfusionFigure.Labels(emptyRow));

        // The empty row is drawn (the palest colour, black text), not left out: below the one full cell.
        int[][] oneFull = [[20, 0], [0, 0]];
        using var png = Image.Load<Rgba32>(ConfusionFigure.RenderPng("t", ["benign", "malignant"], oneFull));
        var full = HotGrid(png);
        var below = new Rectangle(full.Left, full.Bottom, full.Width, full.Height);
        Assert.True(Centroid(png, p => Near(p, ConfusionFigure.Colormap.GetColor(0)), below).Count > full.Width * full.Height / 2, "the empty row's cell is not in the palest colour");
        Assert.True(Centroid(png, p => p.R < 40 && p.G < 40 && p.B < 40, below).Count > 30, "no text in the empty row");
    }

    [Fact]
    public void Confusion_rejects_counts_that_do_not_match_the_classes()
    {
        int[][] ragged = [[1, 2, 3], [4, 5], [6, 7, 8]];
        int[][] tooFewRows = [[1, 2, 3], [4, 5, 6]];

        Assert.Throws<ArgumentException>(() => ConfusionFigure.RenderPng("t", s_threeClasses, ragged));
        Assert.Throws<ArgumentException>(() => ConfusionFigure.RenderPng("t", s_threeClasses, tooFewRows));
    }

    // ---- ROC ----

    [Fact]
    public void Roc_decodes_at_the_requested_size_and_shows_the_pooled_colour()
    {
        var folds = new[] { Roc("fold 0", s_perfectFpr, s_worstTpr, 0.5), Roc("fold 1", s_worstFpr, s_perfectTpr, null) };

        using var png = Image.Load<Rgba32>(RocFigure.RenderPng("t", Roc("pooled", s_perfectFpr, s_perfectTpr, 1), folds, 520, 500));

        Assert.Equal(520, png.Width);
        Assert.Equal(500, png.Height);
        Assert.True(DistinctColours(png) > 100, $"only {DistinctColours(png)} colours");
        Assert.True(Centroid(png, p => Near(p, RocFigure.PooledColor)).Count > 500);
    }

    [Fact]
    public void Perfect_curve_lies_in_the_upper_left_and_the_worst_in_the_lower_right()
    {
        using var perfect = Image.Load<Rgba32>(RocFigure.RenderPng("t", Roc("pooled", s_perfectFpr, s_perfectTpr, 1), []));
        using var worst = Image.Load<Rgba32>(RocFigure.RenderPng("t", Roc("pooled", s_worstFpr, s_worstTpr, 0), []));

        var good = Centroid(perfect, p => Near(p, RocFigure.PooledColor)).Centre;
        var bad = Centroid(worst, p => Near(p, RocFigure.PooledColor)).Centre;
        Assert.True(good.X < perfect.Width / 2.0 && good.Y < perfect.Height / 2.0, $"perfect curve centred at ({good.X:0}, {good.Y:0})");
        Assert.True(bad.X > worst.Width / 2.0 && bad.Y > worst.Height / 2.0, $"worst curve centred at ({bad.X:0}, {bad.Y:0})");
    }

    [Fact]
    public void Roc_legend_text_gives_the_AUC_and_its_interval_when_known()
    {
        Assert.Equal("pooled: AUC 0.71 (95% CI 0.60–0.81)", RocFigure.Label(new RocLine("pooled", s_perfectFpr, s_perfectTpr, 0.7123, 0.6, 0.8089)));
        Assert.Equal("fold 0: AUC 0.65", RocFigure.Label(Roc("fold 0", s_perfectFpr, s_perfectTpr, 0.65)));
        Assert.Equal("fold 1", RocFigure.Label(Roc("fold 1", s_perfectFpr, s_perfectTpr, null)));
    }

    [Fact]
    public void Roc_rejects_rates_of_different_lengths()
    {
        var mismatched = Roc("fold 0", s_perfectFpr, [0, 1], 0.5);

        Assert.Throws<ArgumentException>(() => RocFigure.RenderPng("t", mismatched, []));
        Assert.Throws<ArgumentException>(() => RocFigure.RenderPng("t", Roc("pooled", s_perfectFpr, s_perfectTpr, 1), [mismatched]));
    }

    // ---- training curves ----

    [Fact]
    public void Training_curves_decode_at_the_requested_size_with_both_panels_in_each_run_colour()
    {
        using var png = Image.Load<Rgba32>(TrainingCurvesFigure.RenderPng("t", [Run("fold 0", 3, 0), Run("fold 1", 5, 0.2)], 900, 400));

        Assert.Equal(900, png.Width);
        Assert.Equal(400, png.Height);
        Assert.True(DistinctColours(png) > 100, $"only {DistinctColours(png)} colours");

        // The loss panel fills the left 45% or so, the accuracy panel the next; the legend sits right of both.
        var loss = new Rectangle(0, 0, png.Width * 4 / 10, png.Height);
        var accuracy = new Rectangle(png.Width * 5 / 10, 0, png.Width * 3 / 10, png.Height);
        for (var run = 0; run < 2; run++)
        {
            var colour = TrainingCurvesFigure.RunColor(run);
            Assert.True(Centroid(png, p => Near(p, colour), loss).Count > 100, $"run {run} missing from the loss panel");
            Assert.True(Centroid(png, p => Near(p, colour), accuracy).Count > 100, $"run {run} missing from the accuracy panel");
        }
    }

    [Fact]
    public void Training_curves_put_falling_loss_on_the_left_and_rising_accuracy_on_the_right()
    {
        // Loss falls and accuracy rises: late epochs' pixels sit lower than early ones in the left panel, higher
        // in the right one.
        using var png = Image.Load<Rgba32>(TrainingCurvesFigure.RenderPng("t", [Run("only", 4, 0)]));

        var colour = TrainingCurvesFigure.RunColor(0);
        var half = png.Width * 45 / 100;
        var early = Centroid(png, p => Near(p, colour), new Rectangle(0, 0, half / 3, png.Height));
        var late = Centroid(png, p => Near(p, colour), new Rectangle(half * 2 / 3, 0, half / 3, png.Height));
        Assert.True(early.Count > 50 && late.Count > 50, $"{early.Count} early and {late.Count} late loss pixels");
        Assert.True(late.Centre.Y > early.Centre.Y, $"loss drawn rising: row {early.Centre.Y:0} then {late.Centre.Y:0}");

        var rising = (Early: new Rectangle(png.Width * 50 / 100, 0, png.Width * 8 / 100, png.Height), Late: new Rectangle(png.Width * 72 / 100, 0, png.Width * 8 / 100, png.Height));
        var before = Centroid(png, p => Near(p, colour), rising.Early);
        var after = Centroid(png, p => Near(p, colour), rising.Late);
        Assert.True(before.Count > 50 && after.Count > 50, $"{before.Count} early and {after.Count} late accuracy pixels");
        Assert.True(after.Centre.Y < before.Centre.Y, $"accuracy drawn falling: row {before.Centre.Y:0} then {after.Centre.Y:0}");
    }

    [Fact]
    public void Training_curves_reject_no_runs()
    {
        Assert.Throws<ArgumentException>(() => TrainingCurvesFigure.RenderPng("t", []));
    }

    private static byte[] StackedBars(double[] benign, double[] malignant, int width = 800, int height = 500) =>
        StackedBarFigure.RenderPng("lesions by tissue", "lesions", s_twoCategories,
            [new BarSeries("benign", benign, BenignHex), new BarSeries("malignant", malignant, MalignantHex)], width, height);

    private static (Rectangle Left, Rectangle Right) Halves(Image<Rgba32> png) =>
        (new Rectangle(0, 0, png.Width / 2, png.Height), new Rectangle(png.Width / 2, 0, png.Width - (png.Width / 2), png.Height));

    private static int[][] Diagonal() => [[10, 0, 0], [0, 10, 0], [0, 0, 10]];

    // The darkest map colour (a full row in one cell): where it is, the grid is; test matrices always light a
    // cell in the first and last row and column, so its bounding box is the whole grid.
    private static Rectangle HotGrid(Image<Rgba32> png)
    {
        var hot = ConfusionFigure.Colormap.GetColor(1);
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (var y = 0; y < png.Height; y++)
        {
            for (var x = 0; x < png.Width; x++)
            {
                if (Near(png[x, y], hot))
                {
                    (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
                }
            }
        }

        Assert.True(right > left && bottom > top, "no cell in the darkest colour");
        return new Rectangle(left, top, right - left + 1, bottom - top + 1);
    }

    // Share of each cell's pixels in the darkest colour, [row from the top, column from the left].
    private static double[,] HotShares(Image<Rgba32> png, int n)
    {
        var grid = HotGrid(png);
        var hot = ConfusionFigure.Colormap.GetColor(1);
        var shares = new double[n, n];
        for (var row = 0; row < n; row++)
        {
            for (var column = 0; column < n; column++)
            {
                var cell = new Rectangle(grid.Left + (column * grid.Width / n), grid.Top + (row * grid.Height / n), grid.Width / n, grid.Height / n);
                shares[row, column] = (double)Centroid(png, p => Near(p, hot), cell).Count / (cell.Width * cell.Height);
            }
        }

        return shares;
    }

    private static RocLine Roc(string name, double[] fpr, double[] tpr, double? auc) => new(name, fpr, tpr, auc, null, null);

    // Loss falling from about 1, accuracy rising from about 0.5, both with a validation gap; shifted apart so
    // one run's lines do not cover another's.
    private static CurveSet Run(string name, int best, double shift) =>
        new(name, [.. Enumerable.Range(1, 10).Select(e => new EpochPoint(
            e, (1.0 / e) + shift, 1 - (0.5 / e) - shift, (1.2 / e) + 0.1 + shift, 0.9 - (0.4 / e) - shift))], best);
}
