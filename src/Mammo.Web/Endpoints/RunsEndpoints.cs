using System.Collections.Concurrent;
using System.Text.Json;
using Mammo.Learning.Experiments;
using Mammo.Learning.Training;
using Mammo.Reporting.Experiments;
using Mammo.Runs;
using Mammo.Storage;
using Mammo.Web.Api;
using Mammo.Web.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mammo.Web.Endpoints;

/// <summary>
/// /api/runs: every run and experiment under the runs folder. A run's name holds '/' between its path's parts, so
/// one catch-all route takes <c>NAME</c>, <c>NAME/figures/FIGURE.png</c> and <c>NAME/report</c>, and looks NAME up in
/// the listing: a name that is not listed is not found, whatever it points at.
/// </summary>
public static class RunsEndpoints
{
    private const string FiguresPart = "/figures/";
    private const string ReportPart = "/report";

    // An experiment's HTML report drawn here (when it has none of its own) is kept in memory, never written into it.
    private static readonly ConcurrentDictionary<(string Path, DateTime Stamp), Lazy<string>> s_reports = new();

    public static RouteGroupBuilder MapRuns(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/runs");
        group.MapGet("/", (RunCatalog runs) => runs.List().Select(RunCatalog.Summarise).ToList());
        group.MapGet("/{**path}", (string path, RunCatalog runs, RunFigures figures, DatasetCatalog dataset) =>
        {
            if (path.EndsWith(ReportPart, StringComparison.Ordinal) && runs.Find(path[..^ReportPart.Length]) is { } reported)
            {
                return Report(reported, dataset);
            }

            var at = path.LastIndexOf(FiguresPart, StringComparison.Ordinal);
            if (at > 0 && path.EndsWith(".png", StringComparison.Ordinal) && runs.Find(path[..at]) is { Kind: RunKind.Run } drawn)
            {
                var figureName = path[(at + FiguresPart.Length)..^".png".Length];
                return Enum.TryParse<RunFigure>(figureName, ignoreCase: true, out var figure) && figureName.All(char.IsAsciiLetterLower)
                    && figures.Draw(new RunFolder(drawn.Path), drawn.Name, figure) is { } png
                    ? ApiResponses.Png(png)
                    : ApiResponses.NotFound($"{drawn.Name}: no figure {figureName}");
            }

            return runs.Find(path) is { } listed ? Results.Json(Detail(listed, runs)) : ApiResponses.NotFound($"{path}: no such run or experiment under the runs folder");
        });
        return group;
    }

    public static RunDetail Detail(ListedRun listed, RunCatalog runs)
    {
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(runs);
        var summary = RunCatalog.Summarise(listed);
        var report = $"/api/runs/{listed.Name}/report";
        if (listed.Kind == RunKind.Experiment)
        {
            var cells = runs.List().Where(r => r.Experiment is not null && (r.Experiment == listed.Name || r.Name.StartsWith(listed.Name + "/", StringComparison.Ordinal))).Select(RunCatalog.Summarise).ToList();
            return new RunDetail(summary, ReadJson(Path.Combine(listed.Path, ExperimentFolder.PlanFile)), ReadJson(Path.Combine(listed.Path, ExperimentFolder.SummaryJsonFile)), [], report, cells);
        }

        var run = new RunFolder(listed.Path);
        var figures = summary.Complete ? RunFigures.Available(run).Select(f => $"/api/runs/{listed.Name}/figures/{f.ToString().ToLowerInvariant()}.png").ToList() : [];
        return new RunDetail(summary, ReadJson(run.File(RunFolder.ConfigFile)), ReadJson(run.File(RunFolder.MetricsFile)), figures,
            File.Exists(run.File(RunFolder.ReportFile)) ? report : null, []);
    }

    private static IResult Report(ListedRun listed, DatasetCatalog dataset)
    {
        if (listed.Kind == RunKind.Run)
        {
            var text = new RunFolder(listed.Path).File(RunFolder.ReportFile);
            return File.Exists(text) ? Results.Text(InputFile.ReadText(text, InputFile.MaxCsvBytes), "text/plain; charset=utf-8") : ApiResponses.NotFound($"{listed.Name}: no report yet");
        }

        var own = Path.Combine(listed.Path, "report.html");
        if (File.Exists(own))
        {
            return Results.Text(InputFile.ReadText(own, InputFile.MaxCsvBytes), "text/html; charset=utf-8");
        }

        var folder = new ExperimentFolder(listed.Path);
        var summary = folder.File(ExperimentFolder.SummaryJsonFile);
        if (!File.Exists(summary))
        {
            return ApiResponses.NotFound($"{listed.Name}: no finished cell to report yet");
        }

        var html = s_reports.GetOrAdd((folder.Path, File.GetLastWriteTimeUtc(summary)), _ => new Lazy<string>(() =>
            ExperimentReport.Render(folder, dataset.Dataset, ExperimentFigures.Build(folder, dataset.Dataset), DateTimeOffset.UtcNow))).Value;
        return Results.Text(html, "text/html; charset=utf-8");
    }

    private static JsonElement? ReadJson(string file)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        using var document = InputFile.ReadJsonDocument(file);
        return document.RootElement.Clone();
    }
}
