using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Mammo.Evaluation;
using Mammo.Learning.Networks;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Storage;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Cli.Reliability;

/// <summary>
/// Everything a bad-input case may read, made fresh for each case: a small MIAS folder (1024² films with bright
/// discs at the lesions), a complete run folder over it (untrained seed network, predictions, split), an experiment
/// folder, a loose copy of one scan, and a folder of someone else's files. <see cref="Snapshot"/> hashes every file
/// under it, so a case can prove that nothing was changed, added or left behind.
/// </summary>
public sealed class BatteryWorld : IDisposable
{
    public static readonly string[] Rows =
    [
        "mdb001 G CALC B 500 500 30",
        "mdb002 G CALC M 400 600 40",
        "mdb003 F CALC B 300 700 20",
        "mdb004 F CALC M 600 400 50",
        "mdb005 D NORM",
        "mdb006 D NORM",
    ];

    private readonly TempFolder _root = new();

    public BatteryWorld()
    {
        Directory.CreateDirectory(Data);
        SyntheticMias.Write(Data, Rows, size: 1024);
        System.IO.File.Copy(Path.Combine(Data, "mdb001.pgm"), Image);
        Directory.CreateDirectory(Foreign);
        System.IO.File.WriteAllText(Path.Combine(Foreign, "thesis.tex"), "years of work");
        WriteRun();
        Directory.CreateDirectory(Experiment);
        OutputMarker.Write(Experiment, OutputKind.Experiment);
        System.IO.File.WriteAllText(Path.Combine(Experiment, "experiment.json"), Json.Serialize(new Mammo.Runs.ExperimentPlan { DataPath = Data }) + "\n");
    }

    public string Root => _root.Path;

    public string Data => _root.File("data");

    public string Image => _root.File("scan.pgm");

    public string Foreign => _root.File("foreign");

    public string Run => _root.File("run");

    public string Experiment => _root.File("experiment");

    public string File(string name) => _root.File(name);

    /// <summary>Packs the data folder (or <paramref name="entries"/>, name → bytes) into a .tar.gz under the root.</summary>
    public string Archive(string name = "data.tar.gz", IEnumerable<(string Name, byte[] Content)>? entries = null)
    {
        var path = _root.File(name);
        using var file = System.IO.File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (entryName, content) in entries ?? Directory.EnumerateFiles(Data).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), System.IO.File.ReadAllBytes(f))))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entryName) { DataStream = new MemoryStream(content) });
        }

        return path;
    }

    /// <summary>Every file under the root with its SHA-256 (links as their target text).</summary>
    public IReadOnlyDictionary<string, string> Snapshot()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(Root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(Root, entry.FullName);
            result[relative] = entry.LinkTarget is { } target ? "link:" + target
                : entry is FileInfo file ? Convert.ToHexString(SHA256.HashData(System.IO.File.ReadAllBytes(file.FullName)))
                : "folder";
        }

        return result;
    }

    public void Dispose() => _root.Dispose();

    private void WriteRun()
    {
        var task = ClassificationTask.Parse("calc");
        var run = new RunFolder(Run);
        Directory.CreateDirectory(Run);
        OutputMarker.Write(Run, OutputKind.Run);
        run.WriteJson(RunFolder.ConfigFile, new RunConfig { Task = task.Name, DataPath = Data });
        run.WriteStatus(RunStatus.Complete, "written by the test");
        var samples = new[] { ("mdb001-0", 1, 0), ("mdb002-0", 1, 1), ("mdb003-0", 2, 0), ("mdb004-0", 2, 1) };
        run.WriteText(RunFolder.PredictionsFile, PredictionTable.Write(
            samples.Select((s, i) => new Prediction(s.Item1, s.Item1, new Mammo.Data.Patient(s.Item2), null, s.Item3, [0.6 - (0.1 * i), 0.4 + (0.1 * i)])), task.ClassNames));
        run.WriteText(RunFolder.MetricsFile, "{\"leaky\": false, \"test_tta\": {\"count\": 4, \"auc\": 0.5, \"auc_lower\": 0.1, \"auc_upper\": 0.9}}\n");
        run.WriteText(SplitManifest.FileName, SplitManifest.Write(samples.Select(s => new SplitRow(s.Item1, new Mammo.Data.Patient(s.Item2), s.Item3, DataSplit.Test))));
        using var model = ModelRegistry.Create(ModelRegistry.DefaultName, task.ClassNames.Count, seed: 0);
        model.save(run.File(RunFolder.WeightsFile));
    }
}
