using Mammo.Web.Api;

namespace Mammo.Web.Services;

/// <summary>A folder found under the runs folder: its public name, what it is, and where it lies.</summary>
public sealed record ListedRun(string Name, RunKind Kind, string Path, string? Experiment);
