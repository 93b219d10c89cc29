using Mammo.Data;

namespace Mammo.Web.Api;

/// <summary>One scan: its size, tissue and every lesion, with the URLs of its image and its lesions' variant galleries.</summary>
public sealed record ScanDetail(string Id, string Patient, Tissue Tissue, int Width, int Height, IReadOnlyList<LesionInfo> Lesions, string Image);
