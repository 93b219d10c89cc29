using System.Security.Cryptography;
using Mammo.Data;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Data;

public sealed class MiasDatasetTests : IDisposable
{
    private static readonly string[] s_rows =
    [
        "mdb001 G CIRC B 20 40 8",
        "mdb002 G NORM",
        "mdb003 F CALC M 30 30 6",
        "mdb003 F CALC M 40 20 4",
        "mdb004 F CIRC B",
        "mdb005 D CALC M *NOTE 3*",
        "mdb006 D NORM",
    ];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Dataset Load(bool strict = false) =>
        MiasDataset.Load(DatasetSource.Open(_folder.Path), new DatasetLoadOptions(strict, ImageSize: 64));

    [Fact]
    public void Scans_lesions_and_patients_are_assembled_from_rows()
    {
        SyntheticMias.Write(_folder.Path, s_rows);

        var dataset = Load();

        Assert.Empty(dataset.Excluded);
        Assert.Equal(7, dataset.LabelRowCount);
        Assert.Equal(["mdb001", "mdb002", "mdb003", "mdb004", "mdb005", "mdb006"], dataset.Scans.Select(s => s.Id));
        Assert.Equal([0, 1], dataset.FindScan("mdb003")!.Lesions.Select(l => l.Index));
        Assert.Equal([1, 1, 2, 2, 3, 3], dataset.Scans.Select(s => s.Patient.Number));
        Assert.All(dataset.Lesions, l => Assert.Equal(Patient.OfScan(int.Parse(l.ScanId[3..])), l.Patient));
        var summary = DatasetSummary.Of(dataset);
        Assert.Equal((6, 3, 2, 5, 3), (summary.Scans, summary.Patients, summary.NormalScans, summary.Lesions, summary.LesionsWithLocation));
        Assert.Equal(["mdb004", "mdb005"], summary.LesionsWithoutLocation);
        Assert.Equal(3, summary.ClassBySeverity["CALC"]["M"]);
    }

    [Fact]
    public void A_listed_scan_missing_on_disk_is_excluded_with_file_and_line()
    {
        SyntheticMias.Write(_folder.Path, s_rows);
        File.Delete(_folder.File("mdb002.pgm"));

        var dataset = Load();

        Assert.DoesNotContain(dataset.Scans, s => s.Id == "mdb002");
        var issue = Assert.Single(dataset.Excluded);
        Assert.EndsWith("Info.txt", issue.File, StringComparison.Ordinal);
        Assert.Equal(SyntheticMias.Header.Count(c => c == '\n') + 2, issue.Line);
        Assert.Contains("mdb002.pgm is listed but missing", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_mode_makes_the_first_issue_fatal()
    {
        SyntheticMias.Write(_folder.Path, s_rows);
        File.Delete(_folder.File("mdb002.pgm"));

        var error = Assert.Throws<MammoDataException>(() => Load(strict: true));

        Assert.Contains("mdb002.pgm is listed but missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Info.txt:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_of_the_wrong_size_is_excluded_naming_the_file()
    {
        SyntheticMias.Write(_folder.Path, s_rows);
        File.WriteAllBytes(_folder.File("mdb006.pgm"), Pgm.Encode(Mammo.Imaging.GrayImage.Blank(32, 64)));

        var issue = Assert.Single(Load().Excluded);

        Assert.EndsWith("mdb006.pgm", issue.File, StringComparison.Ordinal);
        Assert.Contains("image is 32×64, expected 64×64", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_and_non_pgm_images_are_excluded()
    {
        SyntheticMias.Write(_folder.Path, s_rows);
        var bytes = File.ReadAllBytes(_folder.File("mdb001.pgm"));
        File.WriteAllBytes(_folder.File("mdb001.pgm"), bytes[..^100]);
        File.WriteAllText(_folder.File("mdb002.pgm"), "GIF89a not a pgm");

        var excluded = Load().Excluded.OrderBy(i => i.File, StringComparer.Ordinal).ToList();

        Assert.Equal(2, excluded.Count);
        Assert.Contains("truncated PGM", excluded[0].Reason, StringComparison.Ordinal);
        Assert.Contains("not a binary PGM", excluded[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_lesion_row_is_left_out_and_the_scan_kept()
    {
        SyntheticMias.Write(_folder.Path, [.. s_rows, "mdb001 G CIRC B 20 40 8"]);

        var dataset = Load();

        Assert.Single(dataset.FindScan("mdb001")!.Lesions);
        var issue = Assert.Single(dataset.Excluded);
        Assert.Contains("duplicate lesion for mdb001", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_row_is_counted_as_excluded_and_its_image_is_not_called_unlisted()
    {
        SyntheticMias.Write(_folder.Path, s_rows);
        File.WriteAllText(_folder.File("Info.txt"), File.ReadAllText(_folder.File("Info.txt")).Replace("mdb006 D NORM", "mdb006 D NORMAL", StringComparison.Ordinal));

        var dataset = Load();

        var issue = Assert.Single(dataset.Excluded);
        Assert.Contains("class (field 3) 'NORMAL'", issue.Reason, StringComparison.Ordinal);
        Assert.Equal(7, dataset.LabelRowCount);
    }

    [Fact]
    public void Contradictory_rows_exclude_the_scan()
    {
        SyntheticMias.Write(_folder.Path, [.. s_rows, "mdb002 G CIRC B 20 20 5"]);

        var dataset = Load();

        Assert.Null(dataset.FindScan("mdb002"));
        Assert.Contains("listed as NORM", Assert.Single(dataset.Excluded).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_without_a_row_is_reported()
    {
        SyntheticMias.Write(_folder.Path, s_rows);
        File.Copy(_folder.File("mdb002.pgm"), _folder.File("mdb099.pgm"));

        var issue = Assert.Single(Load().Excluded);

        Assert.EndsWith("mdb099.pgm", issue.File, StringComparison.Ordinal);
        Assert.Contains("has no row in Info.txt", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Archive_and_folder_read_the_same_and_neither_is_modified()
    {
        SyntheticMias.Write(_folder.Path, s_rows);
        using var other = new TempFolder();
        var archive = other.File("all-mias.tar.gz");
        SyntheticMias.Pack(_folder.Path, archive);
        var before = SHA256.HashData(File.ReadAllBytes(archive));
        var folderHash = Directory.EnumerateFiles(_folder.Path).Order(StringComparer.Ordinal).Select(f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))).ToList();

        var fromFolder = Load();
        var fromArchive = MiasDataset.Load(DatasetSource.Open(archive), new DatasetLoadOptions(ImageSize: 64));

        Assert.IsType<ArchiveDatasetSource>(fromArchive.Source);
        Assert.Equal(fromFolder.Scans.Select(s => (s.Id, s.Lesions.Count)), fromArchive.Scans.Select(s => (s.Id, s.Lesions.Count)));
        Assert.Equal(File.ReadAllBytes(_folder.File("mdb003.pgm")), fromArchive.Source.ReadScanFile("mdb003.pgm").Content);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(archive)));
        Assert.Equal(folderHash, Directory.EnumerateFiles(_folder.Path).Order(StringComparer.Ordinal).Select(f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));
    }

    [Fact]
    public void Missing_source_and_missing_labels_are_clear_errors()
    {
        var missing = Assert.Throws<MammoDataException>(() => DatasetSource.Open(_folder.File("nope")));
        Assert.Contains("no such folder or archive", missing.Message, StringComparison.Ordinal);

        var noLabels = Assert.Throws<MammoDataException>(() => Load());
        Assert.Contains("Info.txt: missing", noLabels.Message, StringComparison.Ordinal);

        File.WriteAllText(_folder.File("junk.tar.gz"), "not gzip at all");
        var corrupt = Assert.Throws<MammoDataException>(() => DatasetSource.Open(_folder.File("junk.tar.gz")).ReadLabels());
        Assert.Contains("not a readable .tar.gz archive", corrupt.Message, StringComparison.Ordinal);
    }
}
