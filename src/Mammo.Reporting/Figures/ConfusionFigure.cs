using System.Globalization;
using ScottPlot;

namespace Mammo.Reporting.Figures;

/// <summary>
/// A confusion matrix as a heat map of row percentages: each true class's row shows where its cases went, so a
/// rare class's errors are as visible as a common one's. Each cell also states its count, since a percentage of
/// three cases reads very differently from one of three hundred.
/// </summary>
public static class ConfusionFigure
{
    // Luminance (0..255) below which a cell takes white text.
    private const double DarkCell = 140;
    private const float MinimumFontSize = 9;
    private const float MaximumFontSize = 16;
    private const float ClassFontSize = 13;

    /// <summary>Row share 0 (white) to 1 (dark blue): a sequential map, so darker always means more.</summary>
    public static IColormap Colormap { get; } = new ScottPlot.Colormaps.Reversed(new ScottPlot.Colormaps.Blues());

    /// <summary>Thin lines between cells, so white (empty) cells still read as cells.</summary>
    public static Color CellBorder { get; } = Color.FromHex("#C8C8C8");

    /// <param name="classes">Both the rows (true class, top to bottom) and the columns (predicted, left to right).</param>
    /// <param name="counts">counts[true][predicted], one row and one column per class.</param>
    public static byte[] RenderPng(string title, IReadOnlyList<string> classes, int[][] counts, int widthPx = 560, int heightPx = 520)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(counts);
        Validate(classes, counts);

        var n = classes.Count;
        using var plot = new Plot();

        // Rough cell size in pixels; text scales with it so large matrices stay legible without overflowing cells.
        var cellPx = Math.Min(widthPx - 120, heightPx - 120) / (double)n;
        var fontSize = (float)Math.Clamp(cellPx / 5.5, MinimumFontSize, MaximumFontSize);
        var labels = Labels(counts);
        for (var row = 0; row < n; row++)
        {
            var total = counts[row].Sum();
            for (var column = 0; column < n; column++)
            {
                var share = Share(counts[row][column], total);
                var color = Colormap.GetColor(share);

                // Row 0 at the top: the y coordinate counts rows from the bottom.
                var y = n - 1 - row;
                var cell = plot.Add.Rectangle(column - 0.5, column + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = color;
                cell.LineColor = CellBorder;
                cell.LineWidth = 1;

                var text = plot.Add.Text(labels[row][column], column, y);
                text.Alignment = Alignment.MiddleCenter;
                text.LabelFontSize = fontSize;
                text.LabelFontColor = TextColor(color);
                text.LabelStyle.LineSpacing = fontSize * 1.25f;
                FigureStyle.UseSans(text.LabelStyle);
            }
        }

        var positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, [.. classes]);
        plot.Axes.Left.SetTicks(positions, [.. classes.Reverse()]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = ClassFontSize;
        plot.Axes.Left.TickLabelStyle.FontSize = ClassFontSize;
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.HideGrid();
        plot.XLabel("predicted");
        plot.YLabel("true");
        plot.Title(title);
        FigureStyle.UseSans(plot);
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }

    /// <summary>"12\n(60%)": the count over its share of the true class's row.</summary>
    /// <summary>Every cell's text, rows as true classes; a row without samples reads 0 (0%) in each cell.</summary>
    public static string[][] Labels(int[][] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return [.. counts.Select(row => row.Select(count => Label(count, Share(count, row.Sum()))).ToArray())];
    }

    private static double Share(int count, int total) => total == 0 ? 0 : (double)count / total;

    public static string Label(int count, double rowShare) =>
        string.Create(CultureInfo.InvariantCulture, $"{count}\n({rowShare * 100:0}%)");

    /// <summary>White on dark cells, black on light ones (by perceived brightness).</summary>
    public static Color TextColor(Color cell) =>
        (0.299 * cell.R) + (0.587 * cell.G) + (0.114 * cell.B) < DarkCell ? Colors.White : Colors.Black;

    private static void Validate(IReadOnlyList<string> classes, int[][] counts)
    {
        if (classes.Count == 0)
        {
            throw new ArgumentException("there are no classes", nameof(classes));
        }

        if (counts.Length != classes.Count)
        {
            throw new ArgumentException($"{counts.Length} rows of counts for {classes.Count} classes", nameof(counts));
        }

        foreach (var row in counts)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(counts));
            if (row.Length != classes.Count)
            {
                throw new ArgumentException($"a row of {row.Length} counts for {classes.Count} classes", nameof(counts));
            }

            if (row.Any(c => c < 0))
            {
                throw new ArgumentException("counts cannot be negative", nameof(counts));
            }
        }
    }
}
