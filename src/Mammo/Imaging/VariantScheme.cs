using Mammo.Storage;

namespace Mammo.Imaging;

/// <summary>Which augmented copies each patch gets.</summary>
public enum VariantScheme
{
    /// <summary>The patch as cut, nothing else.</summary>
    None,

    /// <summary>The 8 distinct rotations and mirrors of a square (the default).</summary>
    Dihedral,

    /// <summary>
    /// The original study's recipe: 4 rotations × {as is, mirror left-right, mirror top-bottom} = 12 copies,
    /// of which only 8 are distinct; also selects the original's records (see <see cref="PatchExtractor"/>).
    /// Formerly "seed", the word config.json files and scripts of that time still use.
    /// </summary>
    [EnumAlias("seed")]
    Original,
}
