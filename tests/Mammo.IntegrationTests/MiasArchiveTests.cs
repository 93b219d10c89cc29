using System.Security.Cryptography;
using Mammo.Data;
using Mammo.Imaging;

namespace Mammo.IntegrationTests;

/// <summary>The counts in ../shared/mias/README.md, measured from the real files through our readers.</summary>
public class MiasArchiveTests
{
    private static readonly Lazy<Dataset> s_dataset = new(() => MiasDataset.Load(DatasetSource.Open(RealData.Path!), new DatasetLoadOptions(Strict: true)));

    [RealDataFact]
    public void Info_counts_match_the_known_facts()
    {
        var s = DatasetSummary.Of(s_dataset.Value);

        Assert.Equal(322, s.Scans);
        Assert.Equal(161, s.Patients);
        Assert.Equal(330, s.LabelRows);
        Assert.Equal(207, s.NormalScans);
        Assert.Equal(123, s.Lesions);
        Assert.Equal(119, s.LesionsWithLocation);
        Assert.Equal((68, 51), (s.BenignWithLocation, s.MalignantWithLocation));
        Assert.Equal(["mdb059", "mdb216", "mdb233", "mdb245"], s.LesionsWithoutLocation);
        Assert.Empty(s.Excluded);
        Assert.Equal(115, s.AbnormalScans);
        Assert.Equal(["mdb005", "mdb132", "mdb144", "mdb223", "mdb226", "mdb239", "mdb249"], s_dataset.Value.Scans.Where(x => x.Lesions.Count > 1).Select(x => x.Id));
    }

    [RealDataFact]
    public void Patch_counts_are_3828_for_the_seed_recipe_and_2608_by_default_and_the_archive_is_unchanged()
    {
        var before = SHA256.HashData(File.ReadAllBytes(RealData.Path!));
        var dataset = s_dataset.Value;

        var seed = new PatchExtractor(new PatchOptions { Variants = VariantScheme.Original });
        var seedPlan = seed.Plan(dataset.Scans);
        var seedPatches = seed.Extract(dataset.Source, seedPlan);
        var dihedral = new PatchExtractor();
        var plan = dihedral.Plan(dataset.Scans);
        var patches = dihedral.Extract(dataset.Source, plan);

        Assert.Equal(319, seedPlan.Origins.Select(o => o.Scan.Id).Distinct().Count());
        Assert.Equal(3828, seedPatches.Count);
        Assert.Equal((119 + 207) * 8, patches.Count);
        Assert.Equal(2608, patches.Count);
        Assert.All(patches, p => Assert.Equal(48 * 48, p.Pixels.Length));
        // Every region's 8 copies are distinct images (a flat region would not be, so this checks real content).
        var distinct = patches.GroupBy(p => p.Origin.Id).Count(g => g.Select(p => Convert.ToHexString(p.Pixels)).Distinct().Count() == 8);
        Assert.True(distinct >= 320, $"only {distinct} of 326 regions have 8 distinct variants");
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(RealData.Path!)));
    }

    [RealDataFact]
    public void Folder_and_archive_sources_read_identical_scans()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mammo-it-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var archive = DatasetSource.Open(RealData.Path!);
            foreach (var name in new[] { "Info.txt", "mdb001.pgm", "mdb322.pgm" })
            {
                var bytes = name == "Info.txt"
                    ? System.Text.Encoding.Latin1.GetBytes(archive.ReadLabels())
                    : archive.ReadScanFile(name).Content;
                File.WriteAllBytes(Path.Combine(folder, name), bytes);
            }

            var fromFolder = new FolderDatasetSource(folder);
            var image = ScanImageReader.Read(fromFolder.ReadScanFile("mdb001.pgm").Content, "mdb001.pgm");
            Assert.Equal((1024, 1024), (image.Width, image.Height));
            Assert.Equal(archive.ReadScanFile("mdb322.pgm").Content, fromFolder.ReadScanFile("mdb322.pgm").Content);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
