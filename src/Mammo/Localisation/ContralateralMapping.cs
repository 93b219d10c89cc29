using Mammo.Imaging;

namespace Mammo.Localisation;

/// <summary>
/// The point of the other breast of the same patient that mirrors a point of this one: each breast's bounding box
/// is stretched onto the other's, and the columns are mirrored when the chest walls lie on opposite sides of the
/// films (a left and a right breast, as MIAS stores a patient's pair). A rough registration, no more: it is read
/// with a tolerance of a region's radius, and it asks only whether the other breast shows the same thing nearby.
/// </summary>
public sealed record ContralateralMapping(BreastBounds From, BreastBounds To)
{
    /// <summary>Whether columns are mirrored: the chest walls lie on opposite sides.</summary>
    public bool Mirrored => From.ChestWallLeft != To.ChestWallLeft;

    /// <summary>The (row, column) of the other breast, in its image's pixels, that mirrors (row, column) of this one.</summary>
    public (double Row, double Column) Map(double row, double column)
    {
        var v = Fraction(row, From.Top, From.Bottom);
        var u = Fraction(column, From.Left, From.Right);
        u = Mirrored ? 1 - u : u;
        return (To.Top + (v * (To.Bottom - To.Top)), To.Left + (u * (To.Right - To.Left)));
    }

    private static double Fraction(double value, int low, int high) => high > low ? (value - low) / (high - low) : 0.5;
}
