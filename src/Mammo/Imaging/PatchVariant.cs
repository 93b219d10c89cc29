namespace Mammo.Imaging;

/// <summary>A named augmented copy: the file-name-safe <paramref name="Name"/> and the exact transform it applies.</summary>
public sealed record PatchVariant(string Name, DihedralTransform Transform)
{
    public static IReadOnlyList<PatchVariant> Of(VariantScheme scheme) => scheme switch
    {
        VariantScheme.None => [new PatchVariant("orig", DihedralTransform.Identity)],
        VariantScheme.Dihedral => [.. DihedralTransform.All.Select(t => new PatchVariant(t.ToString(), t))],
        VariantScheme.Original => SeedVariants(),
        _ => throw new ArgumentOutOfRangeException(nameof(scheme)),
    };

    // Named as the original's files were ({angle}_rotated, _mirr_lr, _mirr_tp); mirr_tp at angle a is
    // the same image as mirr_lr at a + 180, which is why 4 of the 12 are duplicates.
    private static List<PatchVariant> SeedVariants()
    {
        var list = new List<PatchVariant>();
        foreach (var angle in new[] { 0, 90, 180, 270 })
        {
            var rotation = DihedralTransform.Rotation(angle);
            list.Add(new PatchVariant($"{angle}_rotated", rotation));
            list.Add(new PatchVariant($"{angle}_mirr_lr", DihedralTransform.Then(rotation, DihedralTransform.MirrorLeftRight)));
            list.Add(new PatchVariant($"{angle}_mirr_tp", DihedralTransform.Then(rotation, DihedralTransform.MirrorTopBottom)));
        }

        return list;
    }
}
