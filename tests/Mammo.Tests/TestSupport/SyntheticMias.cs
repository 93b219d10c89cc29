using System.Formats.Tar;
using System.IO.Compression;
using Mammo.Data;
using Mammo.Imaging;

namespace Mammo.Tests.TestSupport;

/// <summary>
/// A small MIAS-like dataset written by the test: Info.txt with the given rows between a text header and
/// a ===== footer (as in the real file), and one PGM per listed scan with a bright disc at each lesion.
/// </summary>
public static class SyntheticMias
{
    public const string Header = "MAMMOGRAPHIC IMAGE ANALYSIS SOCIETY\nMiniMammographic Database\n\nmany lines of text\nNOTES\n=====\n1) notes\n\n";
    public const string Footer = "\n=================================================================\n";

    /// <summary>Writes Info.txt and the images; <paramref name="size"/> is every scan's side.</summary>
    public static void Write(string folder, IEnumerable<string> rows, int size = 64)
    {
        var list = rows.ToList();
        File.WriteAllText(Path.Combine(folder, "Info.txt"), Header + string.Join("\n", list) + Footer);
        foreach (var group in list.Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)).GroupBy(f => f[0]))
        {
            var image = GrayImage.Blank(size, size);
            foreach (var f in group.Where(f => f.Length == 7 && f.Skip(4).All(v => double.TryParse(v, out _))))
            {
                var disc = Pgm.WithDisc(size, size, double.Parse(f[4]), size - double.Parse(f[5]), double.Parse(f[6]) / 2);
                for (var i = 0; i < image.Pixels.Length; i++)
                {
                    image.Pixels[i] = Math.Max(image.Pixels[i], disc.Pixels[i]);
                }
            }

            File.WriteAllBytes(Path.Combine(folder, group.Key + ".pgm"), Pgm.Encode(image));
        }
    }

    /// <summary>Packs a folder's files flat into a .tar.gz, as the official archive is.</summary>
    public static void Pack(string folder, string archive)
    {
        using var file = File.Create(archive);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Ustar);
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            tar.WriteEntry(path, Path.GetFileName(path));
        }
    }

    /// <summary>
    /// The training tests' dataset, written under <paramref name="folder"/>/data and loaded strictly: 48 films of
    /// 24 patients, one 12 px calcification each, benign and malignant alternating by patient.
    /// </summary>
    public static Dataset Calcifications(string folder, int size)
    {
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(data);
        Write(data, Enumerable.Range(1, 48).Select(n => $"mdb{n:000} F CALC {((n + 1) / 2 % 2 == 0 ? "M" : "B")} {40 + (n % 5 * 10)} {50 + (n % 3 * 10)} 12"), size);
        return MiasDataset.Load(DatasetSource.Open(data), new DatasetLoadOptions(Strict: true, ImageSize: size));
    }
}
