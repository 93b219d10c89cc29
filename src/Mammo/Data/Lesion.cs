namespace Mammo.Data;

/// <summary>One abnormality listed in Info.txt (or a manifest or CBIS-DDSM row). A scan may list several; <see cref="Index"/> orders them.</summary>
/// <param name="ScanId">The scan's reference, e.g. <c>mdb005</c>.</param>
/// <param name="Index">0-based position among the scan's lesions, in Info.txt order.</param>
/// <param name="Location">Null where Info.txt gives no centre (mdb059; the <c>*NOTE 3*</c> calcifications).</param>
/// <param name="Note">Info.txt's note for a lesion without location, if any.</param>
/// <param name="Line">1-based line in Info.txt.</param>
public sealed record Lesion(
    string ScanId,
    int Index,
    Patient Patient,
    AbnormalityClass Class,
    Severity Severity,
    LesionLocation? Location,
    string? Note,
    int Line)
{
    /// <summary>The class as the dataset wrote it (MIAS: its code; a manifest's free text; CBIS-DDSM's type and shape).</summary>
    public string ClassName { get; init; } = Class.Code();
}
