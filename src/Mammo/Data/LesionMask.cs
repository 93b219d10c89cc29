using Mammo.Imaging;

namespace Mammo.Data;

/// <summary>
/// A lesion given as a mask image (non-zero where the lesion is) turned into the centre and radius every other
/// step uses: the centre is the centroid of the mask's pixels, the radius the distance from it to the farthest
/// one — the smallest circle about the centroid that encloses the lesion, as MIAS's radius encloses it.
/// </summary>
public static class LesionMask
{
    /// <summary>Centre and radius in image convention (column, row from the top), or null where the mask is empty.</summary>
    public static (double Column, double Row, double Radius)? Measure(ScanImage mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        long count = 0;
        double sumColumn = 0, sumRow = 0;
        for (var row = 0; row < mask.Height; row++)
        {
            for (var column = 0; column < mask.Width; column++)
            {
                if (mask.Samples[(row * mask.Width) + column] != 0)
                {
                    count++;
                    sumColumn += column;
                    sumRow += row;
                }
            }
        }

        if (count == 0)
        {
            return null;
        }

        var (cx, cy) = (sumColumn / count, sumRow / count);
        var farthest = 0.0;
        for (var row = 0; row < mask.Height; row++)
        {
            for (var column = 0; column < mask.Width; column++)
            {
                if (mask.Samples[(row * mask.Width) + column] != 0)
                {
                    farthest = Math.Max(farthest, ((column - cx) * (column - cx)) + ((row - cy) * (row - cy)));
                }
            }
        }

        // A single pixel still has a size: half a pixel, so that the radius is never 0.
        return (cx, cy, Math.Max(0.5, Math.Sqrt(farthest)));
    }
}
