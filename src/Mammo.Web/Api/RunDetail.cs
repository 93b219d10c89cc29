using System.Text.Json;

namespace Mammo.Web.Api;

/// <summary>
/// GET /api/runs/{name}: the listing's line, the run's config.json and metrics.json as written, the URLs of its
/// figures and of its report (an experiment's HTML report, a run's text report), and an experiment's cells.
/// </summary>
public sealed record RunDetail(RunSummary Run, JsonElement? Config, JsonElement? Metrics, IReadOnlyList<string> Figures, string? Report, IReadOnlyList<RunSummary> Cells);
