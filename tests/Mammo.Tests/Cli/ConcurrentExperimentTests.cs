using Mammo.Data;
using Mammo.Tests.TestSupport;
using Xunit.Abstractions;

namespace Mammo.Tests.Cli;

/// <summary>
/// Two real <c>mammo experiment</c> processes on one folder at once, as two tasks of a cluster share it: each cell is
/// trained by exactly one of them, the other leaves it (locked) or skips it (complete), and the folder ends complete.
/// </summary>
public sealed class ConcurrentExperimentTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] s_cells = ["calc-leaky-class", "calc-cv-class", "calc-leaky-weights", "calc-cv-weights"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Two_processes_sharing_a_folder_train_every_cell_exactly_once()
    {
        var data = _folder.File("data");
        Directory.CreateDirectory(data);
        var lesions = Enumerable.Range(1, 32).Select(n => $"mdb{n:000} F CALC {((n + 1) / 2 % 2 == 0 ? "M" : "B")} {300 + (n % 5 * 60)} {400 + (n % 3 * 80)} {20 + (n % 4 * 5)}");
        var normals = Enumerable.Range(33, 8).Select(n => $"mdb{n:000} G NORM");
        SyntheticMias.Write(data, lesions.Concat(normals), MiasDataset.ImageSize);
        var folder = _folder.File("experiment");
        string[] grid = ["experiment", "--data", data, "--tasks", "calc", "--balancing", "class,weights", "--protocols", "leaky,cv", "--folds", "2", "--epochs", "1", "--threads", "1", "--out", folder];

        using var first = MammoProcess.Start(grid);
        using var second = MammoProcess.Start(grid);
        var one = MammoProcess.Finish(first, TimeSpan.FromMinutes(10));
        var two = MammoProcess.Finish(second, TimeSpan.FromMinutes(10));
        output.WriteLine($"first process:\n{one.Output}\nsecond process:\n{two.Output}");

        Assert.Equal((0, string.Empty), (one.ExitCode, one.Errors));
        Assert.Equal((0, string.Empty), (two.ExitCode, two.Errors));
        foreach (var cell in s_cells)
        {
            var log = File.ReadAllLines(Path.Combine(folder, "cells", cell, "log.txt"));
            Assert.Single(log, l => l.Contains(" started: ", StringComparison.Ordinal));
            Assert.DoesNotContain(log, l => l.Contains(" resumed", StringComparison.Ordinal));
            var trainedBy = new[] { one.Output, two.Output }.Count(o => o.Contains($"{cell}: trained (", StringComparison.Ordinal));
            Assert.True(trainedBy == 1, $"{cell} was reported trained by {trainedBy} processes");
        }

        var summary = File.ReadAllLines(Path.Combine(folder, "summary.csv")).Skip(1).Select(l => l.Split(','));
        Assert.Equal(s_cells.Select(c => (c, "complete")), summary.Select(f => (f[0], f[5])));
        Assert.True(File.Exists(Path.Combine(folder, "plots", "results.png")));
    }

    [Fact]
    public void Jobs_train_every_cell_exactly_once_in_processes_of_their_own()
    {
        var data = _folder.File("data");
        Directory.CreateDirectory(data);
        var lesions = Enumerable.Range(1, 32).Select(n => $"mdb{n:000} F CALC {((n + 1) / 2 % 2 == 0 ? "M" : "B")} {300 + (n % 5 * 60)} {400 + (n % 3 * 80)} {20 + (n % 4 * 5)}");
        SyntheticMias.Write(data, lesions, MiasDataset.ImageSize);
        var folder = _folder.File("experiment");

        using var process = MammoProcess.Start(["experiment", "--data", data, "--tasks", "calc", "--balancing", "class,weights", "--protocols", "leaky,cv", "--folds", "2", "--epochs", "1", "--jobs", "2", "--out", folder]);
        var result = MammoProcess.Finish(process, TimeSpan.FromMinutes(10));
        var job = File.ReadAllText(Path.Combine(folder, "jobs", "job-1.log"));
        output.WriteLine($"parent:\n{result.Output}\njob 1:\n{job}");

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Errors));
        Assert.Contains("2 processes of 1 thread(s) each", result.Output.ReplaceLineEndings(" "), StringComparison.Ordinal);
        foreach (var cell in s_cells)
        {
            var log = File.ReadAllLines(Path.Combine(folder, "cells", cell, "log.txt"));
            Assert.Single(log, l => l.Contains(" started: ", StringComparison.Ordinal));
            var trainedBy = new[] { result.Output, job }.Count(o => o.Contains($"{cell}: trained (", StringComparison.Ordinal));
            Assert.True(trainedBy == 1, $"{cell} was reported trained by {trainedBy} processes");
            using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "cells", cell, "config.json")));
            Assert.Equal(1, config.RootElement.GetProperty("training").GetProperty("threads").GetInt32());
        }

        var summary = File.ReadAllLines(Path.Combine(folder, "summary.csv")).Skip(1).Select(l => l.Split(','));
        Assert.Equal(s_cells.Select(c => (c, "complete")), summary.Select(f => (f[0], f[5])));
        Assert.True(File.Exists(Path.Combine(folder, "plots", "results.png")));
    }

    [Fact]
    public void A_job_gets_the_command_line_without_jobs_threads_or_figures()
    {
        var child = Mammo.Cli.Infrastructure.ExperimentJobs.ChildArguments(["experiment", "--jobs", "3", "--threads", "4", "--no-plots", "--out", "x", "--jobs=2"], threads: 1);

        Assert.Equal(["experiment", "--out", "x", "--threads", "1", "--no-plots"], child);
        Assert.Equal(3, Mammo.Cli.Infrastructure.ExperimentJobs.ThreadsPerJob(2, 3));
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), Mammo.Cli.Infrastructure.ExperimentJobs.ThreadsPerJob(2, 0));
    }
}
