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
}
