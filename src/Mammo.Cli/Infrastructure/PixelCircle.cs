namespace Mammo.Cli.Infrastructure;

/// <summary>A region as <c>--at x,y,r</c> gives it: centre and radius in pixels, in the coordinates --origin names.</summary>
public readonly record struct PixelCircle(double X, double Y, double R);
