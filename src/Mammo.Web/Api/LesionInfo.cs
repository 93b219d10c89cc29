using Mammo.Data;

namespace Mammo.Web.Api;

/// <summary>One lesion of a scan as Info.txt lists it; centre and radius in MIAS pixels (y from the bottom), null where unlocated.</summary>
public sealed record LesionInfo(int Index, AbnormalityClass Class, string Code, Severity Severity, double? X, double? Y, double? Radius, string? Note, string Label);
