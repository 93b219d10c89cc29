using System.Diagnostics;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Mammo.Tests.TestSupport;
using Xunit.Abstractions;

namespace Mammo.Tests.Cli.Reliability;

/// <summary>
/// What only a real process shows: Ctrl+C and SIGKILL in the middle of writing, a disk that fills up, and the peak
/// memory of commands given inputs that claim far more than they hold.
/// </summary>
public sealed class ProcessFaultTests(ITestOutputHelper output) : IDisposable
{
    private const long TwoGigabytes = 2L << 30;

    private readonly BatteryWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public void Ctrl_C_while_writing_patches_exits_130_with_one_line_and_leaves_nothing()
    {
        var data = ManyScans(48);
        var before = _world.Snapshot();
        var target = _world.File("patches");

        using var process = MammoProcess.Start(["patches", "--data", data, "--out", target, "--size", "512", "--threads", "1"]);
        WaitForTemporary("patches", process);
        MammoProcess.Signal(process, MammoProcess.SigInt);
        var (exit, _, errors) = MammoProcess.Finish(process, TimeSpan.FromMinutes(2));

        Assert.Equal(130, exit);
        Assert.Equal("mammo: error: cancelled; no output was left half-written", errors.Trim());
        Assert.Equal(before, _world.Snapshot());
    }

    [Fact]
    public void A_writer_killed_mid_write_leaves_nothing_that_looks_complete_and_the_next_run_cleans_up()
    {
        var data = ManyScans(48);
        var target = _world.File("patches");

        using (var process = MammoProcess.Start(["patches", "--data", data, "--out", target, "--size", "512", "--threads", "1"]))
        {
            WaitForTemporary("patches", process);
            process.Kill();
            process.WaitForExit();
        }

        Assert.False(Directory.Exists(target));
        var abandoned = Assert.Single(Directory.EnumerateDirectories(_world.Root, ".patches.tmp-*"));
        Assert.False(File.Exists(Path.Combine(abandoned, Mammo.Storage.OutputMarker.FileName)));

        var rerun = CliRunner.Run("patches", "--data", data, "--out", target);

        Assert.Equal(0, rerun.ExitCode);
        Assert.True(File.Exists(Path.Combine(target, "manifest.csv")));
        Assert.Empty(Directory.EnumerateDirectories(_world.Root, ".patches.tmp-*"));
    }

    [TmpfsFact]
    public void A_full_disk_gives_one_line_and_leaves_the_disk_as_it_was()
    {
        var mount = _world.File("small-disk");
        Directory.CreateDirectory(mount);
        Assert.True(TmpfsFactAttribute.Mount(mount, 2), "the tmpfs mounted at discovery but not now");

        try
        {
            var before = _world.Snapshot();

            var result = CliRunner.Run("patches", "--data", _world.Data, "--out", Path.Combine(mount, "patches"), "--size", "256");

            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"mammo: error: no space left on device: {mount}/.patches.tmp-", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Errors + result.Output, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(mount));
            Assert.Equal(before, _world.Snapshot());
        }
        finally
        {
            TmpfsFactAttribute.Unmount(mount);
        }
    }

    [ToolFact("/usr/bin/time", "time")]
    public void A_header_that_claims_a_huge_image_costs_no_memory()
    {
        var bomb = _world.File("bomb.pgm");
        File.WriteAllText(bomb, "P5\n20000 20000\n255\n");

        var (exit, peak) = PeakMemory(["predict", _world.Run, bomb]);

        Assert.Equal(1, exit);
        Assert.True(peak < TwoGigabytes / 4, $"peak {peak / 1e6:0} MB");
    }

    [ToolFact("/usr/bin/time", "time")]
    public void A_scan_followed_by_a_gigabyte_of_junk_is_read_only_as_far_as_its_header_says()
    {
        var clean = _world.Archive("clean.tar.gz");
        var junk = _world.File("junk.tar.gz");
        using (var file = File.Create(junk))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            foreach (var path in Directory.EnumerateFiles(_world.Data).Order(StringComparer.Ordinal))
            {
                var content = File.ReadAllBytes(path);
                Stream stream = Path.GetFileName(path) == "mdb001.pgm" ? new PaddedStream(content, 1L << 30) : new MemoryStream(content);
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, Path.GetFileName(path)) { DataStream = stream });
            }
        }

        var (cleanExit, cleanPeak) = PeakMemory(["patches", "--data", clean, "--out", _world.File("p-clean")]);
        var (junkExit, junkPeak) = PeakMemory(["patches", "--data", junk, "--out", _world.File("p-junk")]);

        Assert.Equal(0, cleanExit);
        Assert.Equal(0, junkExit);
        Assert.Equal(File.ReadAllText(_world.File("p-clean/manifest.csv")), File.ReadAllText(_world.File("p-junk/manifest.csv")));
        Assert.True(junkPeak < cleanPeak + (256L << 20), $"clean archive peak {cleanPeak / 1e6:0} MB, with 1 GiB of junk {junkPeak / 1e6:0} MB");
        Assert.True(junkPeak < TwoGigabytes);
    }

    [ToolFact("/usr/bin/time", "time")]
    public void A_heat_map_of_an_image_at_the_pixel_limit_stays_under_two_gigabytes()
    {
        var big = _world.File("big.pgm");
        var (width, height) = (7000, 7000);
        var pixels = new byte[width * height];
        for (var row = 0; row < height; row++)
        {
            pixels.AsSpan(row * width, width / 2).Fill(120);
        }

        File.WriteAllBytes(big, [.. Encoding.ASCII.GetBytes($"P5\n{width} {height}\n255\n"), .. pixels]);

        var (exit, peak) = PeakMemory(["predict", _world.Run, big, "--radii", "350,700", "--out", _world.File("big-heatmap.png")]);

        Assert.Equal(0, exit);
        Assert.True(peak < TwoGigabytes, $"peak {peak / 1e6:0} MB");
    }

    // A data folder of many 1024² films, so that writing their patches takes long enough to be interrupted.
    private string ManyScans(int count)
    {
        var data = _world.File("many");
        Directory.CreateDirectory(data);
        SyntheticMias.Write(data, Enumerable.Range(1, count).Select(n => $"mdb{n:000} G CALC {(n % 2 == 0 ? "M" : "B")} {200 + (n % 48 * 10)} {300 + (n % 48 * 5)} 40"), size: 1024);
        return data;
    }

    private void WaitForTemporary(string name, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (!Directory.EnumerateDirectories(_world.Root, $".{name}.tmp-*").Any())
        {
            Assert.False(process.HasExited, "mammo finished before it could be interrupted");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "mammo never started writing");
            Thread.Sleep(2);
        }
    }

    // Peak resident memory of one mammo process, as GNU time measures it (maximum RSS).
    private (int ExitCode, long PeakBytes) PeakMemory(string[] args)
    {
        var report = _world.File($"time-{Guid.NewGuid():N}.txt");
        using var process = MammoProcess.Start(args, "/usr/bin/time", ["-f", "%M", "-o", report]);
        var (exit, _, errors) = MammoProcess.Finish(process, TimeSpan.FromMinutes(5));
        var kilobytes = long.Parse(File.ReadAllLines(report).Last(l => l.Length > 0).Trim(), CultureInfo.InvariantCulture);
        File.Delete(report);
        output.WriteLine($"mammo {string.Join(' ', args.Take(1))}: exit {exit}, peak {kilobytes / 1024.0:0} MB; {errors.Trim()}");
        return (exit, kilobytes * 1024);
    }

    /// <summary>The given bytes followed by zeros up to <paramref name="length"/>, without holding the zeros.</summary>
    private sealed class PaddedStream(byte[] head, long length) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Max(0, Math.Min(count, length - Position));
            var span = buffer.AsSpan(offset, n);
            span.Clear();
            if (Position < head.Length)
            {
                var from = head.AsSpan((int)Position);
                from[..Math.Min(from.Length, n)].CopyTo(span);
            }

            Position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
