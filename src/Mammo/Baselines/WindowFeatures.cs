using Mammo.Imaging;

namespace Mammo.Baselines;

/// <summary>
/// <see cref="LesionFeatures"/> of a heat-map window: the square patch the network would be shown (a region cut at
/// a window radius and resized to the patch side), with the circle of a quarter of the side at its centre and the
/// ring out to the inscribed circle. Computed on the patch rather than the scan, so a detector of hand-crafted
/// features scores every window of a heat map as cheaply as it scores a training region, and sees both alike.
/// </summary>
public static class WindowFeatures
{
    /// <summary>Feature names, in the order <see cref="Compute"/> returns them (those of <see cref="LesionFeatures"/>).</summary>
    public static IReadOnlyList<string> Names => LesionFeatures.Names;

    /// <param name="patch">8-bit grey, row-major, <paramref name="side"/> × <paramref name="side"/>.</param>
    /// <exception cref="ArgumentException">The patch does not hold side² pixels, or the side is under 8.</exception>
    public static double[] Compute(ReadOnlySpan<byte> patch, int side)
    {
        if (side < 8 || patch.Length != side * side)
        {
            throw new ArgumentException($"a window of side {side} (at least 8) needs {side * side} pixels, got {patch.Length}", nameof(patch));
        }

        // Pixel centres run 0 … side − 1, so the window's centre is (side − 1) / 2 in both directions.
        var centre = (side - 1) / 2.0;
        return LesionFeatures.Compute(new GrayImage(side, side, patch.ToArray()), centre, centre, side / 4.0, "window");
    }
}
