using Mammo.Data;

namespace Mammo.Localisation;

/// <summary>One held-out scan: its located lesions and the regions a detector (or chance) proposed, best first.</summary>
public sealed record LocalisationCase(string ScanId, IReadOnlyList<LesionLocation> Lesions, IReadOnlyList<ScoredRegion> Regions);
