namespace Mammo.Imaging;

/// <summary>
/// Where a breast lies on its film: the bounding box of its mask (inclusive pixel rows and columns) and the column
/// of its centre of mass, which sits toward the chest wall, where a breast is widest.
/// </summary>
public sealed record BreastBounds(int Top, int Bottom, int Left, int Right, double CentroidColumn, int ImageWidth)
{
    /// <summary>Whether the chest wall is on the film's left: the mask's mass lies left of the film's middle.</summary>
    public bool ChestWallLeft => CentroidColumn < ImageWidth / 2.0;

    /// <summary>The mask's bounds; null when the mask is empty.</summary>
    public static BreastBounds? Of(BreastMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var (top, bottom, left, right) = (int.MaxValue, -1, int.MaxValue, -1);
        double columns = 0;
        for (var r = 0; r < mask.Height; r++)
        {
            for (var c = 0; c < mask.Width; c++)
            {
                if (mask.Contains(r, c))
                {
                    (top, bottom, left, right) = (Math.Min(top, r), r, Math.Min(left, c), Math.Max(right, c));
                    columns += c;
                }
            }
        }

        return bottom < 0 ? null : new BreastBounds(top, bottom, left, right, columns / mask.Area, mask.Width);
    }
}
