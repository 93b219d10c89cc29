using Mammo.Imaging;

namespace Mammo.Data;

/// <summary>
/// Reads the mini-MIAS database from a <see cref="DatasetSource"/> (its folder or archive): Info.txt's rows, each
/// listed image's header checked, into a <see cref="Dataset"/>.
/// </summary>
public static class MiasDataset
{
    /// <summary>Every MIAS scan is 1024×1024.</summary>
    public const int ImageSize = 1024;

    /// <summary>Reads Info.txt and checks every listed image's header (not its pixels).</summary>
    /// <exception cref="MammoDataException">In strict mode, the first issue found; always, an unreadable source.</exception>
    public static Dataset Load(DatasetSource source, DatasetLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= new DatasetLoadOptions();
        var labelFile = System.IO.Path.Combine(source.Path, MiasLabelReader.FileName);
        var table = MiasLabelReader.Parse(source.ReadLabels(), labelFile);
        var issues = new List<DataIssue>(table.Issues);
        var scans = AssembleScans(table, issues);
        var files = source.ListScanFiles().ToDictionary(f => f.FileName, StringComparer.Ordinal);

        var usable = new List<Scan>();
        foreach (var scan in scans)
        {
            var problem = CheckImage(scan, files, source, labelFile, options);
            if (problem is null)
            {
                usable.Add(scan);
            }
            else
            {
                issues.Add(problem);
            }
        }

        var listed = table.Rows.Select(r => r.ScanId + ".pgm")
            .Concat(table.Issues.Where(i => i.ScanId is not null).Select(i => i.ScanId + ".pgm"))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var name in files.Keys.Where(n => !listed.Contains(n)).Order(StringComparer.Ordinal))
        {
            issues.Add(new DataIssue(System.IO.Path.Combine(source.Path, name), null, null, $"has no row in {MiasLabelReader.FileName}"));
        }

        Dataset.ThrowIfStrict(options.Strict, issues);
        return new Dataset(DatasetFormat.Mias, source, table.RowCount, usable, issues);
    }

    private static List<Scan> AssembleScans(LabelTable table, List<DataIssue> issues)
    {
        var scans = new List<Scan>();
        foreach (var group in table.Rows.GroupBy(r => r.ScanId, StringComparer.Ordinal).OrderBy(g => g.First().ScanNumber))
        {
            var rows = group.ToList();
            var first = rows[0];
            if (rows.FirstOrDefault(r => r.Tissue != first.Tissue) is { } mixed)
            {
                issues.Add(new DataIssue(table.File, mixed.Line, first.ScanId,
                    $"{first.ScanId} has tissue {mixed.Tissue.Code()} here but {first.Tissue.Code()} at line {first.Line}; scan left out"));
                continue;
            }

            var normals = rows.Where(r => r.Class == AbnormalityClass.Normal).ToList();
            if (normals.Count > 0 && normals.Count < rows.Count)
            {
                var lesionRow = rows.First(r => r.Class != AbnormalityClass.Normal);
                issues.Add(new DataIssue(table.File, lesionRow.Line, first.ScanId,
                    $"{first.ScanId} is listed as NORM at line {normals[0].Line} and with a lesion here; scan left out"));
                continue;
            }

            foreach (var duplicate in normals.Skip(1))
            {
                issues.Add(new DataIssue(table.File, duplicate.Line, first.ScanId,
                    $"duplicate NORM row for {first.ScanId} (first at line {normals[0].Line}); row left out"));
            }

            var lesions = new List<Lesion>();
            var seen = new Dictionary<(AbnormalityClass, Severity?, LesionLocation?, string?), int>();
            foreach (var row in rows.Where(r => r.Class != AbnormalityClass.Normal))
            {
                if (seen.TryGetValue((row.Class, row.Severity, row.Location, row.Note), out var firstLine))
                {
                    issues.Add(new DataIssue(table.File, row.Line, row.ScanId,
                        $"duplicate lesion for {row.ScanId} (same as line {firstLine}); row left out"));
                    continue;
                }

                seen.Add((row.Class, row.Severity, row.Location, row.Note), row.Line);
                lesions.Add(new Lesion(row.ScanId, lesions.Count, Patient.OfScan(row.ScanNumber), row.Class,
                    row.Severity!.Value, row.Location, row.Note, row.Line));
            }

            scans.Add(new Scan(first.ScanId, first.ScanNumber, first.Tissue, lesions, first.Line));
        }

        return scans;
    }

    private static DataIssue? CheckImage(
        Scan scan, Dictionary<string, ScanFileInfo> files, DatasetSource source, string labelFile, DatasetLoadOptions options)
    {
        var path = System.IO.Path.Combine(source.Path, scan.FileName);
        if (!files.TryGetValue(scan.FileName, out var file))
        {
            return new DataIssue(labelFile, scan.Line, scan.Id, $"{scan.FileName} is listed but missing from {source.Path}; scan left out");
        }

        if (!PgmHeader.TryParse(file.Head, out var header, out var error))
        {
            return new DataIssue(path, null, scan.Id, error + "; scan left out");
        }

        if (options.ImageSize is { } size && (header!.Width != size || header.Height != size))
        {
            return new DataIssue(path, null, scan.Id, $"image is {header.Width}×{header.Height}, expected {size}×{size}; scan left out");
        }

        if (!source.Limits.Allows(header!.Width, header.Height))
        {
            return new DataIssue(path, null, scan.Id, $"image claims {header.Width}×{header.Height} pixels, above the limit of {ImageLimits.Describe(source.Limits.MaxPixels)}; scan left out");
        }

        // A centre off the film or a radius beyond its size is a typing error in the label table, and would make a
        // crop of absurd size: it is refused here, where the image's size is known.
        foreach (var lesion in scan.Lesions)
        {
            if (lesion.Location is { } at && (at.X > header.Width || at.Y > header.Height || at.Radius > Math.Max(header.Width, header.Height)))
            {
                return new DataIssue(labelFile, lesion.Line, scan.Id,
                    $"lesion at ({at.X}, {at.Y}) with radius {at.Radius} does not fit the {header.Width}×{header.Height} image; scan left out");
            }
        }

        if (file.Length < header!.ExpectedLength)
        {
            return new DataIssue(path, null, scan.Id,
                $"truncated PGM: needs {header.ExpectedLength} bytes, has {file.Length}; scan left out");
        }

        return null;
    }
}
