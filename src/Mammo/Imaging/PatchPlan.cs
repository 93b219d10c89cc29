using Mammo.Data;

namespace Mammo.Imaging;

/// <summary>The regions to cut, decided before any pixel is read, and the lesions that cannot be cut (with why).</summary>
public sealed record PatchPlan(IReadOnlyList<PatchOrigin> Origins, IReadOnlyList<DataIssue> Skipped);
