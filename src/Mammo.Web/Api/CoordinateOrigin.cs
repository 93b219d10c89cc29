namespace Mammo.Web.Api;

/// <summary>Which way y counts in a request.</summary>
public enum CoordinateOrigin
{
    /// <summary>As in Info.txt: pixels from the bottom edge.</summary>
    Mias,

    /// <summary>Image rows, from the top edge.</summary>
    TopLeft,
}
