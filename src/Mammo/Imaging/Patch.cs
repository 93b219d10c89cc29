namespace Mammo.Imaging;

/// <summary>One square patch, <c>Size×Size</c> 8-bit pixels, row-major: an augmented copy of a cut region.</summary>
public sealed record Patch(PatchOrigin Origin, PatchVariant Variant, int Size, byte[] Pixels)
{
    public string Id => $"{Origin.Id}-{Variant.Name}";
}
