using Mammo.Reporting.Figures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Mammo.Tests.TestSupport;

/// <summary>Finds where colours landed in a rendered figure, so figure tests can check positions.</summary>
public static class PngProbe
{
    public static bool Near(Rgba32 p, ScottPlot.Color c, int tolerance = 30) =>
        Math.Abs(p.R - c.R) + Math.Abs(p.G - c.G) + Math.Abs(p.B - c.B) <= tolerance;

    public static Rectangle DataArea(ScanFigureLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return new(layout.Left, layout.Top, layout.DataWidth, layout.DataHeight);
    }

    /// <summary>How many pixels match, and their centroid (pixel centres, as the layout maps coordinates).</summary>
    public static (int Count, (double X, double Y) Centre) Centroid(Image<Rgba32> png, Func<Rgba32, bool> match, Rectangle? within = null)
    {
        ArgumentNullException.ThrowIfNull(png);
        ArgumentNullException.ThrowIfNull(match);
        var area = Rectangle.Intersect(within ?? new Rectangle(0, 0, png.Width, png.Height), new Rectangle(0, 0, png.Width, png.Height));
        long count = 0;
        double sumX = 0, sumY = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                if (match(png[x, y]))
                {
                    count++;
                    sumX += x + 0.5;
                    sumY += y + 0.5;
                }
            }
        }

        return count == 0 ? (0, (double.NaN, double.NaN)) : ((int)count, (sumX / count, sumY / count));
    }

    public static int DistinctColours(Image<Rgba32> png)
    {
        ArgumentNullException.ThrowIfNull(png);
        var colours = new HashSet<Rgba32>();
        png.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (var p in rows.GetRowSpan(y))
                {
                    colours.Add(p);
                }
            }
        });
        return colours.Count;
    }

    public static void AssertNear((double X, double Y) expected, (double X, double Y) actual, double tolerance) =>
        Assert.True(Math.Abs(expected.X - actual.X) <= tolerance && Math.Abs(expected.Y - actual.Y) <= tolerance,
            $"expected near ({expected.X:0.0}, {expected.Y:0.0}), got ({actual.X:0.0}, {actual.Y:0.0})");
}
