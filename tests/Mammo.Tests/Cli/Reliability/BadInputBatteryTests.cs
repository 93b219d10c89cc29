using System.Text;
using Mammo.Tests.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit.Abstractions;

namespace Mammo.Tests.Cli.Reliability;

/// <summary>
/// The bad-input battery: every command, fed what a user gets wrong, must answer with its exit code and one line
/// that names the file, line, field or path — no stack trace — and leave every file it was given byte for byte as it
/// was, with nothing added (no half-written output, no temporary left behind).
/// </summary>
public sealed class BadInputBatteryTests(ITestOutputHelper output)
{
    private const int Data = 1;
    private const int Usage = 2;

    /// <summary>One case: how to spoil the world, the arguments, and what the one line must say.</summary>
    public sealed record BadInput(string Name, int Exit, string Expected, Func<BatteryWorld, string[]> Args, Action<BatteryWorld>? Arrange = null)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<BadInput> Cases() => [.. s_all];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Refuses_with_one_line_and_leaves_every_input_as_it_was(BadInput c)
    {
        using var world = new BatteryWorld();
        c.Arrange?.Invoke(world);
        var before = world.Snapshot();

        var result = CliRunner.Run(c.Args(world));

        var lines = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        output.WriteLine($"exit {result.ExitCode}: {result.Errors}");
        Assert.True(lines.Length == 1, $"expected one line on stderr, got {lines.Length}:\n{result.Errors}");
        Assert.StartsWith("mammo: error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(c.Expected, lines[0], StringComparison.Ordinal);
        Assert.Equal(c.Exit, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Errors + result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Errors + result.Output, StringComparison.Ordinal);
        Assert.Equal(before, world.Snapshot());
    }

    [Fact]
    public void The_battery_covers_every_command_with_at_least_60_cases()
    {
        Assert.True(s_all.Count >= 60, $"{s_all.Count} cases");
        Assert.Equal(s_all.Count, s_all.Select(c => c.Name).Distinct().Count());
        string[] commands = ["info", "patches", "show", "train", "evaluate", "predict", "localise", "experiment", "report", "download", "model", "baselines"];
        using var world = new BatteryWorld();
        var used = s_all.Select(c => c.Args(world)[0]).ToHashSet();
        Assert.All(commands, command => Assert.Contains(command, used));
    }

    private static void Rewrite(string path, Func<string, string> change) => File.WriteAllText(path, change(File.ReadAllText(path)));

    private static void InfoRow(BatteryWorld w, string row) =>
        File.WriteAllText(Path.Combine(w.Data, "Info.txt"), SyntheticMias.Header + string.Join("\n", BatteryWorld.Rows.Append(row)) + SyntheticMias.Footer);

    private static int InfoLine(int row) => SyntheticMias.Header.Count(c => c == '\n') + row;

    private static void Png(string path, int width, int height)
    {
        using var image = new Image<L8>(width, height);
        image.SaveAsPng(path);
    }

    // A PNG whose header claims width×height but whose data is a few bytes: what a decompression bomb looks like
    // to a reader that trusts the header.
    private static void PngHeaderOnly(string path, int width, int height)
    {
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // 8-bit grey
        using var file = File.Create(path);
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(file, "IHDR", header);
        Chunk(file, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(file, "IEND", []);
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        var body = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(body));
        stream.Write(length);
        stream.Write(body);
        stream.Write(crc);
    }

    // PNG's CRC-32 (ISO 3309), bit by bit: a few bytes per test, no table needed.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static readonly IReadOnlyList<BadInput> s_all =
    [
        // Data sources.
        new BadInput("no data", Data, "nowhere: no such folder or archive", w => ["info", "--data", w.File("nowhere")]),
        new BadInput("data is a text file", Data, "notes.txt: not a folder or a .tar.gz archive", w => ["info", "--data", w.File("notes.txt")], w => File.WriteAllText(w.File("notes.txt"), "hello")),
        new BadInput("folder without Info.txt", Data, "Info.txt: missing", w => ["info", "--data", w.Foreign]),
        new BadInput("archive that is not gzip", Data, "not a readable .tar.gz archive", w => ["info", "--data", w.File("junk.tar.gz")], w => File.WriteAllBytes(w.File("junk.tar.gz"), Encoding.ASCII.GetBytes("definitely not gzip"))),
        new BadInput("truncated archive", Data, "data.tar.gz", w => ["info", "--data", w.File("data.tar.gz")], w =>
        {
            var bytes = File.ReadAllBytes(w.Archive());
            File.WriteAllBytes(w.File("data.tar.gz"), bytes[..(bytes.Length / 2)]);
        }),
        new BadInput("archive without Info.txt", Data, "has no Info.txt", w => ["info", "--data", w.File("data.tar.gz")], w => w.Archive(entries: [("mdb001.pgm", File.ReadAllBytes(w.Image))])),
        new BadInput("archive with one scan twice", Data, "holds mdb001.pgm twice (a/mdb001.pgm and b/mdb001.pgm)", w => ["info", "--data", w.File("data.tar.gz")], w => w.Archive(entries:
            [("Info.txt", File.ReadAllBytes(Path.Combine(w.Data, "Info.txt"))), ("a/mdb001.pgm", File.ReadAllBytes(w.Image)), ("b/mdb001.pgm", File.ReadAllBytes(w.Image))])),
        new BadInput("archive with a huge Info.txt", Data, "more than a label table can be", w => ["info", "--data", w.File("data.tar.gz")], w => w.Archive(entries: [("Info.txt", new byte[(16 << 20) + 1])])),

        // Info.txt rows (strict: the first issue is fatal and names its line).
        new BadInput("scan number beyond int", Data, $"Info.txt:{InfoLine(7)}: reference 'mdb99999999999' has a number above", w => ["info", "--data", w.Data, "--strict"], w => InfoRow(w, "mdb99999999999 F NORM")),
        new BadInput("x not a number", Data, $"Info.txt:{InfoLine(7)}: x (field 5) 'twenty' is not a number", w => ["info", "--data", w.Data, "--strict"], w => InfoRow(w, "mdb007 G CIRC B twenty 40 8")),
        new BadInput("unknown tissue", Data, "tissue (field 2) 'Q' is not F, G or D", w => ["info", "--data", w.Data, "--strict"], w => InfoRow(w, "mdb007 Q NORM")),
        new BadInput("unknown class", Data, "class (field 3) 'BLOB'", w => ["info", "--data", w.Data, "--strict"], w => InfoRow(w, "mdb007 G BLOB B 10 10 5")),
        new BadInput("unknown severity", Data, "severity (field 4) 'X' is not B or M", w => ["info", "--data", w.Data, "--strict"], w => InfoRow(w, "mdb007 G CIRC X 10 10 5")),
        new BadInput("zero radius", Data, "radius (field 7) '0' must be positive", w => ["info", "--data", w.Data, "--strict"], w => InfoRow(w, "mdb007 G CIRC B 10 10 0")),
        new BadInput("radius larger than the film", Data, "with radius 30000 does not fit the 1024×1024 image", w => ["info", "--data", w.Data, "--strict"], w =>
        {
            InfoRow(w, "mdb007 G CIRC B 500 500 30000");
            File.Copy(w.Image, Path.Combine(w.Data, "mdb007.pgm"));
        }),
        new BadInput("centre off the film", Data, "lesion at (5000, 500)", w => ["info", "--data", w.Data, "--strict"], w =>
        {
            InfoRow(w, "mdb007 G CIRC B 5000 500 30");
            File.Copy(w.Image, Path.Combine(w.Data, "mdb007.pgm"));
        }),
        new BadInput("negative centre", Data, "centre (-5, 10) is negative", w => ["info", "--data", w.Data, "--strict"], w => InfoRow(w, "mdb007 G CIRC B -5 10 5")),
        new BadInput("NORM with a location", Data, "NORM row has 6 fields", w => ["info", "--data", w.Data, "--strict"], w => InfoRow(w, "mdb007 G NORM 1 2 3")),
        new BadInput("six fields", Data, "expected 4 (no location) or 7", w => ["info", "--data", w.Data, "--strict"], w => InfoRow(w, "mdb007 G CIRC B 1 2")),
        new BadInput("bad reference", Data, "reference 'mdbX7' is not of the form mdbNNN", w => ["info", "--data", w.Data, "--strict"], w => InfoRow(w, "mdbX7 G NORM")),
        new BadInput("one scan, two tissues", Data, "mdb001 has tissue F here but G", w => ["info", "--data", w.Data, "--strict"], w => InfoRow(w, "mdb001 F CIRC B 10 10 5")),
        new BadInput("listed scan missing", Data, "mdb007.pgm is listed but missing", w => ["info", "--data", w.Data, "--strict"], w => InfoRow(w, "mdb007 G NORM")),

        // Image headers.
        new BadInput("truncated PGM in the data", Data, "mdb001.pgm: truncated PGM", w => ["info", "--data", w.Data, "--strict"], w => File.WriteAllBytes(Path.Combine(w.Data, "mdb001.pgm"), File.ReadAllBytes(w.Image)[..5000])),
        new BadInput("ASCII PGM in the data", Data, "mdb001.pgm: not a binary PGM: starts with 'P2'", w => ["info", "--data", w.Data, "--strict"], w => File.WriteAllText(Path.Combine(w.Data, "mdb001.pgm"), "P2\n2 2\n255\n0 0 0 0\n")),
        new BadInput("malformed PGM header", Data, "mdb001.pgm: PGM header is truncated or malformed", w => ["info", "--data", w.Data, "--strict"], w => File.WriteAllText(Path.Combine(w.Data, "mdb001.pgm"), "P5\nwide tall\n255\n")),
        new BadInput("wrong film size", Data, "image is 2048×1024, expected 1024×1024", w => ["info", "--data", w.Data, "--strict"], w => File.WriteAllBytes(Path.Combine(w.Data, "mdb001.pgm"), Pgm.Encode(Mammo.Imaging.GrayImage.Blank(2048, 1024)))),
        new BadInput("PNG bomb", Data, "bomb.png: the image claims 20000×20000 pixels (400 megapixels), above the limit of 50 megapixels", w => ["predict", w.Run, w.File("bomb.png")], w => PngHeaderOnly(w.File("bomb.png"), 20000, 20000)),
        new BadInput("PGM claiming a billion pixels", Data, "huge.pgm: the image claims 100000×10000 pixels", w => ["predict", w.Run, w.File("huge.pgm")], w => File.WriteAllText(w.File("huge.pgm"), "P5\n100000 10000\n255\n")),
        new BadInput("TIFF above a lowered limit", Data, "small.tiff: the image claims 64×64 pixels (4,096 pixels), above the limit of 1,000 pixels", w => ["predict", w.Run, w.File("small.tiff"), "--max-pixels", "1000"], w => new Image<L8>(64, 64).SaveAsTiff(w.File("small.tiff"))),
        new BadInput("text named .png", Data, "fake.png: cannot be read as an image", w => ["predict", w.Run, w.File("fake.png")], w => File.WriteAllText(w.File("fake.png"), "not an image at all")),
        new BadInput("truncated PNG", Data, "cut.png: cannot be read as an image", w => ["predict", w.Run, w.File("cut.png")], w =>
        {
            Png(w.File("whole.png"), 300, 300);
            File.WriteAllBytes(w.File("cut.png"), File.ReadAllBytes(w.File("whole.png"))[..60]);
        }),
        new BadInput("image missing", Data, "gone.png: cannot be read", w => ["predict", w.Run, w.File("gone.png"), "--at", "1,1,4"]),
        new BadInput("truncated PGM to predict", Data, "short.pgm: truncated PGM", w => ["predict", w.Run, w.File("short.pgm"), "--at", "10,10,5"], w => File.WriteAllBytes(w.File("short.pgm"), File.ReadAllBytes(w.Image)[..2000])),
        new BadInput("scan not in the data", Data, "mdb999: no such scan", w => ["show", "mdb999", "--data", w.Data, "--out", w.File("s.png")]),

        // Options out of range.
        new BadInput("patch size 2", Usage, "--size 2: must be 4..1024", w => ["patches", "--data", w.Data, "--out", w.File("p"), "--size", "2"]),
        new BadInput("negative fixed radius", Usage, "radius rule 'fixed:-3'", w => ["patches", "--data", w.Data, "--out", w.File("p"), "--radius", "fixed:-3"]),
        new BadInput("absurd radius scale", Usage, "scale 1e9 is above the largest accepted", w => ["patches", "--data", w.Data, "--out", w.File("p"), "--radius", "scale:1e9"]),
        new BadInput("normal radius 0", Usage, "--normal-radius 0: must be positive", w => ["patches", "--data", w.Data, "--out", w.File("p"), "--normal-radius", "0"]),
        new BadInput("patches without --out", Usage, "--out DIR is required", w => ["patches", "--data", w.Data]),
        new BadInput("unknown task", Usage, "--task 'nonsense'", w => ["train", "--data", w.Data, "--task", "nonsense", "--out", w.File("r")]),
        new BadInput("unknown network", Usage, "Unknown network 'resnet9000'", w => ["train", "--data", w.Data, "--model", "resnet9000", "--out", w.File("r")]),
        new BadInput("split not adding up", Usage, "--split '0.5,0.5,0.5'", w => ["train", "--data", w.Data, "--split", "0.5,0.5,0.5", "--out", w.File("r")]),
        new BadInput("zero epochs", Usage, "--epochs must be at least 1", w => ["train", "--data", w.Data, "--epochs", "0", "--out", w.File("r")]),
        new BadInput("one fold", Usage, "--folds must be at least 2", w => ["train", "--data", w.Data, "--folds", "1", "--out", w.File("r")]),
        new BadInput("region of two numbers", Usage, "--at '1,2': expected three numbers", w => ["predict", w.Run, w.Image, "--at", "1,2"]),
        new BadInput("region larger than the film", Usage, "radius 30000 does not fit the 1024×1024 image", w => ["predict", w.Run, w.Image, "--at", "10,10,30000"]),
        new BadInput("region centre off the film", Usage, "region centre (5000, 10)", w => ["predict", w.Run, w.Image, "--at", "5000,10,20"]),
        new BadInput("heat-map radius 1", Usage, "--radii '1'", w => ["predict", w.Run, w.Image, "--radii", "1"]),
        new BadInput("min-inside 2", Usage, "--min-inside 2", w => ["predict", w.Run, w.Image, "--min-inside", "2"]),
        new BadInput("top 0", Usage, "--top must be at least 1", w => ["predict", w.Run, w.Image, "--top", "0"]),
        new BadInput("detector with a region", Usage, "--detector chooses what scores a heat map's windows; with --at the run's network classifies the region", w => ["predict", w.Run, w.Image, "--at", "500,524,30", "--detector", "combined"]),
        new BadInput("feature detector of a run without one", Data, "feature-detector.json: missing; a detect run trained by this Mammo stores its feature detector there", w => ["predict", w.Run, w.Image, "--detector", "features"]),
        new BadInput("unknown origin", Usage, "--origin 'sideways'", w => ["predict", w.Run, w.Image, "--at", "1,1,4", "--origin", "sideways"]),
        new BadInput("region on a folder", Usage, "--at names a region of one image", w => ["predict", w.Run, w.Data, "--at", "1,1,4"]),
        new BadInput("max-pixels 0", Usage, "--max-pixels 0: must be at least 1", w => ["info", "--data", w.Data, "--max-pixels", "0"]),
        new BadInput("show width 10", Usage, "--width 10: must be 200..8000", w => ["show", "mdb001", "--data", w.Data, "--out", w.File("s.png"), "--width", "10"]),
        new BadInput("unknown experiment task", Usage, "--tasks: 'nonsense' is not a task", w => ["experiment", "--data", w.Data, "--tasks", "nonsense", "--out", w.File("e")]),
        new BadInput("localise min-inside -1", Usage, "--min-inside -1", w => ["localise", w.Run, "--min-inside", "-1"]),
        new BadInput("localise unknown detector", Usage, "--detector: 'cnn' is not a detector; expected one of network, features, combined, auto", w => ["localise", w.Run, "--detector", "cnn"]),
        new BadInput("localise threads -1", Usage, "--threads must be 0 (one per core) or more", w => ["localise", w.Run, "--threads", "-1"]),
        new BadInput("evaluate threshold 2", Usage, "--threshold must be between 0 and 1", w => ["evaluate", w.Run, "--threshold", "2"]),
        new BadInput("unknown command", Usage, "Unknown command 'nonsense'", w => ["nonsense"]),
        new BadInput("ftp download", Usage, "--url 'ftp://example.org/x' is not an http or https URL", w => ["download", "--url", "ftp://example.org/x", "--out", w.File("a.tar.gz")]),
        new BadInput("summary of an unknown network", Usage, "Unknown network 'vgg'", w => ["model", "summary", "--name", "vgg"]),

        // Corrupt run and experiment files.
        new BadInput("status.json not JSON", Data, "status.json:1:1: not valid JSON", w => ["evaluate", w.Run], w => File.WriteAllText(Path.Combine(w.Run, "status.json"), "}{")),
        new BadInput("status.json with an unknown state", Data, "status.json: field 'status' is 'exploded'", w => ["evaluate", w.Run], w => File.WriteAllText(Path.Combine(w.Run, "status.json"), "{\"status\": \"exploded\"}")),
        new BadInput("status.json without status", Data, "status.json: field 'status' is missing", w => ["evaluate", w.Run], w => File.WriteAllText(Path.Combine(w.Run, "status.json"), "{}")),
        new BadInput("config.json not JSON", Data, "config.json:1:", w => ["evaluate", w.Run], w => File.WriteAllText(Path.Combine(w.Run, "config.json"), "{\"task\": ")),
        new BadInput("config.json of the wrong shape", Data, "config.json:", w => ["evaluate", w.Run], w => File.WriteAllText(Path.Combine(w.Run, "config.json"), "{\"folds\": \"many\"}")),
        new BadInput("NaN probability", Data, "predictions.csv:2: field 'p_benign' is 'NaN', expected a probability from 0 to 1", w => ["evaluate", w.Run], w => Rewrite(Path.Combine(w.Run, "predictions.csv"), t => t.Replace("0.6,0.4", "NaN,0.4", StringComparison.Ordinal))),
        new BadInput("probability above 1", Data, "predictions.csv:2: field 'p_benign' is '7'", w => ["evaluate", w.Run], w => Rewrite(Path.Combine(w.Run, "predictions.csv"), t => t.Replace("0.6,0.4", "7,0.4", StringComparison.Ordinal))),
        new BadInput("predictions with a foreign header", Data, "predictions.csv:1: expected header", w => ["evaluate", w.Run], w => File.WriteAllText(Path.Combine(w.Run, "predictions.csv"), "a,b\n1,2\n")),
        new BadInput("not a run folder", Data, "not a run folder (no status.json)", w => ["evaluate", w.Foreign]),
        new BadInput("run still training", Data, "the run is training, not complete", w => ["evaluate", w.Run], w => File.WriteAllText(Path.Combine(w.Run, "status.json"), "{\"status\": \"training\"}")),
        new BadInput("garbage weights", Data, "weights.bin", w => ["predict", w.Run, w.Image, "--at", "500,524,30"], w => File.WriteAllBytes(Path.Combine(w.Run, "weights.bin"), Encoding.ASCII.GetBytes("these are not weights, just text"))),
        new BadInput("truncated weights", Data, "weights.bin", w => ["predict", w.Run, w.Image, "--at", "500,524,30"], w => File.WriteAllBytes(Path.Combine(w.Run, "weights.bin"), File.ReadAllBytes(Path.Combine(w.Run, "weights.bin"))[..1000])),
        new BadInput("split.csv malformed", Data, "split.csv:2: expected 4 fields, found 2", w => ["localise", w.Run, "--data", w.Data], w => File.WriteAllText(Path.Combine(w.Run, "split.csv"), "sample_id,patient,label,split\nmdb001-0,P1\n")),
        new BadInput("report on a non-experiment", Data, "not an experiment folder (no experiment.json", w => ["report", w.Foreign]),
        new BadInput("experiment.json not JSON", Data, "experiment.json:1:", w => ["report", w.Experiment, "--data", w.Data], w => File.WriteAllText(Path.Combine(w.Experiment, "experiment.json"), "[1, 2")),

        // Outputs that would touch an input.
        new BadInput("patches over the data", Data, "is the input", w => ["patches", "--data", w.Data, "--out", w.Data, "--overwrite"]),
        new BadInput("patches over a folder holding the data", Data, "contains the input", w => ["patches", "--data", w.Data, "--out", w.Root, "--overwrite"]),
        new BadInput("patches inside the data", Data, "lies inside the input", w => ["patches", "--data", w.Data, "--out", Path.Combine(w.Data, "patches")]),
        new BadInput("patches through a link to the data", Data, "is the input", w => ["patches", "--data", w.Data, "--out", w.File("link") + "/", "--overwrite"], w => File.CreateSymbolicLink(w.File("link"), w.Data)),
        new BadInput("patches through .. and a trailing slash", Data, "is the input", w => ["patches", "--data", w.Data, "--out", Path.Combine(w.Data, "..", "data") + "/", "--overwrite"]),
        new BadInput("patches over someone else's folder", Data, "foreign: is not empty and was not written by Mammo", w => ["patches", "--data", w.Data, "--out", w.Foreign, "--overwrite"]),
        new BadInput("patches over a run", Data, "holds another kind of Mammo output, not patches", w => ["patches", "--data", w.Data, "--out", w.Run, "--overwrite"]),
        new BadInput("patches into a non-empty folder", Data, "foreign: exists and is not empty (choose another path, or pass --overwrite", w => ["patches", "--data", w.Data, "--out", w.Foreign]),
        new BadInput("show over a scan of the data", Data, "lies inside the input", w => ["show", "mdb001", "--data", w.Data, "--out", Path.Combine(w.Data, "mdb001.pgm")]),
        new BadInput("show over an existing file", Data, "thesis.tex: exists", w => ["show", "mdb001", "--data", w.Data, "--out", Path.Combine(w.Foreign, "thesis.tex")]),
        new BadInput("heat map over its own image", Data, "is the input", w => ["predict", w.Run, w.Image, "--out", w.Image, "--overwrite"]),
        new BadInput("heat map into the run", Data, "lies inside the input", w => ["predict", w.Run, w.Image, "--out", Path.Combine(w.Run, "x.png")]),
        new BadInput("heat map over a link to the image", Data, "is the input", w => ["predict", w.Run, w.Image, "--out", w.File("alias.pgm"), "--overwrite"], w => File.CreateSymbolicLink(w.File("alias.pgm"), w.Image)),
        new BadInput("batch CSV over an existing file", Data, "thesis.tex: exists", w => ["predict", w.Run, w.Data, "--out", Path.Combine(w.Foreign, "thesis.tex")]),
        new BadInput("localise over the run", Data, "is the input", w => ["localise", w.Run, "--out", w.Run, "--overwrite"]),
        new BadInput("localise over someone else's folder", Data, "foreign: exists and is not empty", w => ["localise", w.Run, "--out", w.Foreign]),
        new BadInput("localise over someone else's folder, asked to", Data, "was not written by Mammo", w => ["localise", w.Run, "--out", w.Foreign, "--overwrite"]),
        new BadInput("experiment in someone else's folder", Data, "foreign: is not empty and was not written by Mammo", w => ["experiment", "--data", w.Data, "--out", w.Foreign, "--tasks", "calc", "--epochs", "1"]),
        new BadInput("experiment into the data", Data, "is the input", w => ["experiment", "--data", w.Data, "--out", w.Data]),
        new BadInput("report inside a cell", Data, "lies inside the input", w => ["report", w.Experiment, "--data", w.Data, "--out", Path.Combine(w.Experiment, "cells", "r.html")]),
        new BadInput("report over an existing file", Data, "thesis.tex: exists", w => ["report", w.Experiment, "--data", w.Data, "--out", Path.Combine(w.Foreign, "thesis.tex")]),
        new BadInput("train inside the data", Data, "lies inside the input", w => ["train", "--data", w.Data, "--out", Path.Combine(w.Data, "run")]),
        new BadInput("train into a used folder", Data, "foreign: exists and is not empty (choose another --out, or continue an interrupted run with --resume)", w => ["train", "--data", w.Data, "--out", w.Foreign]),
        new BadInput("baselines CSV inside the data", Data, "lies inside the input", w => ["baselines", "--data", w.Data, "--out", Path.Combine(w.Data, "b.csv")]),
        new BadInput("baselines CSV over an existing file", Data, "thesis.tex: exists", w => ["baselines", "--data", w.Data, "--out", Path.Combine(w.Foreign, "thesis.tex")]),
        new BadInput("baselines with an unknown task", Usage, "nonsense", w => ["baselines", "--data", w.Data, "--task", "nonsense"]),
        new BadInput("download over an existing file", Data, "thesis.tex: exists", w => ["download", "--out", Path.Combine(w.Foreign, "thesis.tex")]),
    ];
}
