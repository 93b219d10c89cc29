namespace Mammo.Reporting.Figures;

/// <summary>
/// Where a <see cref="ScanFigure"/> puts the scan: a <see cref="Width"/>×<see cref="Height"/> PNG whose data area
/// starts at (<see cref="Left"/>, <see cref="Top"/>) and shows one image pixel as <see cref="Scale"/> figure pixels
/// both ways (square units), row 0 at the top.
/// </summary>
public sealed record ScanFigureLayout(int Width, int Height, int Left, int Top, int DataWidth, int DataHeight, int ImageWidth, int ImageHeight)
{
    public double Scale => (double)DataWidth / ImageWidth;

    /// <summary>Figure pixel of an image position (column, row from the top), e.g. to find a lesion in the PNG.</summary>
    public (double X, double Y) ToFigure(double column, double row) =>
        (Left + (column * DataWidth / ImageWidth), Top + (row * DataHeight / ImageHeight));
}
