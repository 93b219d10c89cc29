using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mammo.Data;
using Mammo.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Mammo.Bench;

/// <summary>
/// What <c>mammo info</c> does on a large manifest: N small synthetic images (64×64; 8-bit PGM, 16-bit PGM and 16-bit
/// PNG in turn) of N/2 patients, a third of them normal, a third with a lesion at x, y, radius, a third with a lesion
/// mask (so every mask is decoded and measured); timed from reading the CSV to the counts. No reference program:
/// the goal is "seconds for 10,000 images", and memory bounded by one image at a time.
/// </summary>
public static class InfoBenchmark
{
    public static int Run(int images, int repeat)
    {
        var work = Path.Combine(Path.GetTempPath(), "mammo-bench-info-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        try
        {
            var write = Stopwatch.StartNew();
            var manifest = Write(work, images);
            write.Stop();

            var seconds = new List<double>();
            DatasetSummary? summary = null;
            for (var i = 0; i < repeat; i++)
            {
                var watch = Stopwatch.StartNew();
                summary = DatasetSummary.Of(DatasetLoader.Load(manifest, new DatasetLoadOptions(Strict: true)));
                watch.Stop();
                seconds.Add(watch.Elapsed.TotalSeconds);
            }

            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"## info on a {images:N0}-image manifest ({summary!.Scans:N0} images, {summary.Patients:N0} patients, {summary.Lesions:N0} lesions), best of {repeat}");
            Console.WriteLine();
            Console.WriteLine("| what | best s | median s | images/s | peak working set MiB |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
            var sorted = seconds.Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| DatasetLoader.Load + DatasetSummary.Of | {sorted[0]:0.000} | {sorted[sorted.Count / 2]:0.000} | {images / sorted[0]:N0} | {process.PeakWorkingSet64 / (1024.0 * 1024):0} |"));
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(writing the files took {write.Elapsed.TotalSeconds:0.0} s; {Environment.ProcessorCount} cores; CPU flags: {CpuFlags()})"));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Write(string folder, int images)
    {
        var csv = new StringBuilder("image,patient,x,y,radius,class,severity,mask,split\n");
        var image = Disc(128);
        var mask = Disc(255, background: 0);
        var pgm8 = Pgm(image, 255);
        var pgm16 = Pgm(image, 65535);
        var png16 = Png16(image);
        File.WriteAllBytes(Path.Combine(folder, "mask.pgm"), Pgm(mask, 255));
        string[] classes = ["CALC", "CIRC", "SPIC", "MISC", "ARCH", "ASYM"];
        for (var i = 0; i < images; i++)
        {
            var (name, bytes) = (i % 3) switch
            {
                0 => ($"img{i:00000}.pgm", pgm8),
                1 => ($"img{i:00000}-16.pgm", pgm16),
                _ => ($"img{i:00000}.png", png16),
            };
            var sub = $"d{i / 1000:00}";
            Directory.CreateDirectory(Path.Combine(folder, sub));
            File.WriteAllBytes(Path.Combine(folder, sub, name), bytes);
            var split = i % 5 == 0 ? "test" : "train";
            var severity = i % 2 == 0 ? "B" : "M";
            var row = (i % 3) switch
            {
                0 => $"{sub}/{name},P{i / 2},,,,NORM,,,{split}",
                1 => $"{sub}/{name},P{i / 2},32,30,8,{classes[i % 6]},{severity},,{split}",
                _ => $"{sub}/{name},P{i / 2},,,,{classes[i % 6]},{severity},mask.pgm,{split}",
            };
            csv.Append(row).Append('\n');
        }

        var path = Path.Combine(folder, "dataset.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private static GrayImage Disc(byte value, byte background = 20)
    {
        var image = GrayImage.Blank(64, 64);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            var (row, column) = (i / 64, i % 64);
            image.Pixels[i] = ((row - 34) * (row - 34)) + ((column - 32) * (column - 32)) <= 64 ? value : background;
        }

        return image;
    }

    private static byte[] Pgm(GrayImage image, int maxValue)
    {
        var header = Encoding.ASCII.GetBytes($"P5\n{image.Width} {image.Height}\n{maxValue}\n");
        if (maxValue == 255)
        {
            return [.. header, .. image.Pixels];
        }

        return [.. header, .. image.Pixels.SelectMany(p => new[] { p, p })];
    }

    private static byte[] Png16(GrayImage image)
    {
        using var deep = Image.LoadPixelData<L16>([.. image.Pixels.Select(p => new L16((ushort)(p * 257)))], image.Width, image.Height);
        using var stream = new MemoryStream();
        deep.SaveAsPng(stream, new PngEncoder { BitDepth = PngBitDepth.Bit16, ColorType = PngColorType.Grayscale });
        return stream.ToArray();
    }

    private static string CpuFlags()
    {
        try
        {
            var flags = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal))?.Split(':')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            string[] wanted = ["sse4_2", "avx", "avx2", "fma", "avx512f", "avx512_vnni", "amx_tile"];
            return string.Join(" ", wanted.Where(flags.Contains)) + (flags.Contains("avx512f") ? string.Empty : " (no AVX-512)");
        }
        catch (IOException)
        {
            return "unknown (no /proc/cpuinfo)";
        }
    }
}
