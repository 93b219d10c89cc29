using System.Globalization;
using System.Text;
using Mammo.Data;

namespace Mammo.Imaging;

/// <summary>
/// The CSV that lists every patch written by <see cref="PatchFolderWriter"/>: one row per patch, columns
/// <c>patch_id, scan, patient, lesion_index, class, severity, tissue, x, y, r, variant, file</c>.
/// x, y are the cut centre in MIAS convention (origin bottom-left), r the cut radius in scan pixels;
/// lesion_index and severity are empty for normal scans.
/// </summary>
public static class PatchManifest
{
    public const string FileName = "manifest.csv";

    public static readonly string Header = "patch_id,scan,patient,lesion_index,class,severity,tissue,x,y,r,variant,file";

    public static string FileNameOf(Patch patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return $"{patch.Id}.png";
    }

    public static string Row(Patch patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var o = patch.Origin;
        return string.Join(',',
            patch.Id,
            o.Scan.Id,
            o.Patient.ToString(),
            o.Lesion?.Index.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            o.Class.Code(),
            o.Severity?.Code() ?? string.Empty,
            o.Scan.Tissue.Code(),
            o.X.ToString(CultureInfo.InvariantCulture),
            o.Y.ToString(CultureInfo.InvariantCulture),
            o.Radius.ToString(CultureInfo.InvariantCulture),
            patch.Variant.Name,
            FileNameOf(patch));
    }

    public static string Write(IEnumerable<Patch> patches)
    {
        ArgumentNullException.ThrowIfNull(patches);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var patch in patches)
        {
            text.Append(Row(patch)).Append('\n');
        }

        return text.ToString();
    }
}
