namespace Mammo.Localisation;

/// <summary>How many lesion centres fell inside one of a scan's first <see cref="Top"/> regions.</summary>
public sealed record HitRate(int Top, int Hits, int Lesions)
{
    public double Rate => Lesions == 0 ? double.NaN : (double)Hits / Lesions;
}
