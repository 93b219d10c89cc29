using System.Globalization;
using System.Text;
using Mammo.Data;
using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Learning.Networks;
using Mammo.Preprocessing;

namespace Mammo.IntegrationTests;

/// <summary>
/// 16-bit copies of real MIAS scans (value × 257, maxval 65535), listed in a manifest with top-left coordinates,
/// give the same lesion patches and the same network scores as the 8-bit archive read as MIAS.
/// </summary>
public sealed class SixteenBitOnRealDataTests : IDisposable
{
    // Enough scans for every class and both severities, few enough to stay quick: 2 MB of PGM each.
    private const int Scans = 40;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mammo-it16-" + Guid.NewGuid().ToString("N"));

    [RealDataFact]
    public void A_manifest_of_16_bit_copies_cuts_the_same_patches_and_scores_the_same()
    {
        var mias = MiasDataset.Load(DatasetSource.Open(RealData.Path!), new DatasetLoadOptions(Strict: true));
        var scans = mias.Scans.Where(s => s.Lesions.Any(l => l.Location is not null)).Take(Scans).ToList();
        Directory.CreateDirectory(_folder);
        var csv = new StringBuilder("image,patient,x,y,radius,class,severity\n");
        foreach (var file in mias.Source.ReadScanFiles(scans.Select(s => s.FileName).ToHashSet(StringComparer.Ordinal)))
        {
            var image = mias.Source.Decode(file);
            var header = Encoding.ASCII.GetBytes($"P5\n{image.Width} {image.Height}\n65535\n");
            File.WriteAllBytes(Path.Combine(_folder, file.FileName), [.. header, .. image.Pixels.SelectMany(p => new[] { p, p })]);
            var scan = scans.Single(s => s.FileName == file.FileName);
            foreach (var lesion in scan.Lesions.Where(l => l.Location is not null))
            {
                var at = lesion.Location!.Value;
                csv.Append(CultureInfo.InvariantCulture, $"{file.FileName},{scan.Patient},{at.X},{image.Height - at.Y},{at.Radius},{lesion.Class.Code()},{lesion.Severity.Code()}\n");
            }
        }

        File.WriteAllText(Path.Combine(_folder, "dataset.csv"), csv.ToString());
        var manifest = DatasetLoader.Load(Path.Combine(_folder, "dataset.csv"), new DatasetLoadOptions(Strict: true));
        Assert.Equal(Scans, manifest.Scans.Count);
        Assert.All(manifest.Scans, s => Assert.Equal(16, manifest.Source.DecodeScan(manifest.Source.ReadScanFile(s.FileName)).BitDepth));

        var extractor = new PatchExtractor();
        var eight = extractor.Extract(mias.Source, extractor.Plan(scans));
        var sixteen = extractor.Extract(manifest.Source, extractor.Plan(manifest.Scans));
        Assert.Equal(eight.Count, sixteen.Count);
        Assert.True(eight.Count >= 8 * Scans);
        for (var i = 0; i < eight.Count; i++)
        {
            Assert.Equal(eight[i].Pixels, sixteen[i].Pixels);
        }

        using var model = ModelRegistry.Create("keras", seed: 11);
        var classifier = new PatchClassifier(model, PatchPipeline.Default);
        Assert.Equal(classifier.Predict([.. eight.Select(p => p.Pixels)]), classifier.Predict([.. sixteen.Select(p => p.Pixels)]));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
