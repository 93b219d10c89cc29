using Mammo.Data;

namespace Mammo.Web.Api;

/// <summary>A scan in the dataset listing: enough to filter the grid by class, severity and tissue.</summary>
public sealed record ScanSummary(string Id, string Patient, Tissue Tissue, bool Normal, IReadOnlyList<AbnormalityClass> Classes, IReadOnlyList<Severity> Severities, int Lesions);
