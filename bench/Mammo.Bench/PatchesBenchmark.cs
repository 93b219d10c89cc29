using System.Diagnostics;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using Mammo.Data;
using Mammo.Imaging;

namespace Mammo.Bench;

/// <summary>
/// Times the seed recipe (3,828 patches from 319 scans, 12 PNGs each) in Mammo against
/// seed_patches_pil.py (Python + Pillow) on the same extracted folder. Both time the cutting, resizing,
/// augmenting and PNG writing, not the parsing of Info.txt; the reference writes uncompressed PNGs
/// (compress_level=0), ours the fastest zlib level.
/// </summary>
public static class PatchesBenchmark
{
    public static int Run(string archive, string referenceFolder, int repeat)
    {
        var work = Path.Combine(Path.GetTempPath(), "mammo-bench-" + Environment.ProcessId);
        var data = Path.Combine(work, "all-mias");
        Directory.CreateDirectory(data);
        try
        {
            using (var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress))
            {
                TarFile.ExtractToDirectory(gzip, data, overwriteFiles: true);
            }

            var python = new List<double>();
            var mammo = new List<double>();
            var mammoOneThread = new List<double>();
            for (var i = 0; i < repeat; i++)
            {
                python.Add(RunReference(Path.Combine(referenceFolder, "seed_patches_pil.py"), data, Path.Combine(work, $"py{i}")));
                mammo.Add(RunMammo(data, Path.Combine(work, $"cs{i}"), threads: 0));
                mammoOneThread.Add(RunMammo(data, Path.Combine(work, $"cs1-{i}"), threads: 1));
            }

            Console.WriteLine($"## Patch extraction, seed recipe (3,828 PNGs from 319 scans), {Environment.ProcessorCount} cores, best of {repeat}");
            Console.WriteLine();
            Console.WriteLine("| implementation | best s | median s | ratio (Pillow best / this best) |");
            Console.WriteLine("| --- | ---: | ---: | ---: |");
            Row("Python + Pillow (seed_patches_pil.py)", python, python.Min());
            Row($"Mammo, {Environment.ProcessorCount} threads", mammo, python.Min());
            Row("Mammo, 1 thread", mammoOneThread, python.Min());
            Console.WriteLine();
            Phases(data, Path.Combine(work, "phases"));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Row(string name, List<double> seconds, double referenceBest)
    {
        var sorted = seconds.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {sorted[0]:0.000} | {sorted[sorted.Count / 2]:0.000} | {referenceBest / sorted[0]:0.00} |"));
    }

    // Where one thread's time goes, so a change to one phase can be judged on its own.
    private static void Phases(string data, string output)
    {
        var dataset = MiasDataset.Load(DatasetSource.Open(data));
        var extractor = new PatchExtractor(new PatchOptions { Variants = VariantScheme.Original, Threads = 1 });
        var plan = extractor.Plan(dataset.Scans);
        var names = plan.Origins.Select(o => o.Scan.FileName).ToHashSet(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var files = dataset.Source.ReadScanFiles(names).ToDictionary(f => f.FileName, f => f.Content, StringComparer.Ordinal);
        var read = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var images = files.ToDictionary(f => f.Key, f => ScanImageReader.Read(f.Value, f.Key), StringComparer.Ordinal);
        var decode = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var cuts = plan.Origins.Select(o => (o, extractor.Cut(images[o.Scan.FileName], o))).ToList();
        var cut = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var patches = cuts.SelectMany(c => extractor.Augment(c.o, c.Item2)).ToList();
        var augment = clock.Elapsed.TotalSeconds;
        clock.Restart();
        PatchFolderWriter.Write(output, patches, threads: 1);
        var write = clock.Elapsed.TotalSeconds;
        Console.WriteLine("| phase (1 thread) | seconds |");
        Console.WriteLine("| --- | ---: |");
        foreach (var (name, seconds) in new[] { ("read 319 files", read), ("decode PGM", decode), ("crop + bicubic resize", cut), ("12 variants", augment), ("encode + write 3,828 PNGs", write) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {seconds:0.000} |"));
        }
    }

    private static double RunMammo(string data, string output, int threads)
    {
        var dataset = MiasDataset.Load(DatasetSource.Open(data));
        var clock = Stopwatch.StartNew();
        var extractor = new PatchExtractor(new PatchOptions { Variants = VariantScheme.Original, Threads = threads });
        var plan = extractor.Plan(dataset.Scans);
        var patches = extractor.Extract(dataset.Source, plan);
        PatchFolderWriter.Write(output, patches, threads: threads);
        var seconds = clock.Elapsed.TotalSeconds;
        if (patches.Count != 3828)
        {
            throw new InvalidOperationException($"expected 3828 patches, got {patches.Count}");
        }

        return seconds;
    }

    private static double RunReference(string script, string data, string output)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", [script, data, output]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        // "scans 319 patches 3828 seconds 0.661"
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var index = Array.IndexOf(fields, "seconds");
        if (process.ExitCode != 0 || index < 0 || fields[Array.IndexOf(fields, "patches") + 1] != "3828")
        {
            throw new InvalidOperationException($"reference failed ({process.ExitCode}): {text}");
        }

        return double.Parse(fields[index + 1], CultureInfo.InvariantCulture);
    }
}
