namespace Mammo.Web.Api;

/// <summary>GET /api/scans: every scan the dataset kept, and how many records it left out.</summary>
public sealed record ScanListing(int Count, int Excluded, string Source, IReadOnlyList<ScanSummary> Scans);
