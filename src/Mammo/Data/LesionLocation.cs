namespace Mammo.Data;

/// <summary>
/// Centre and radius of an abnormality in MIAS convention: pixels, origin at the BOTTOM-LEFT corner
/// (image row = height − <see cref="Y"/>).
/// </summary>
public readonly record struct LesionLocation(double X, double Y, double Radius);
