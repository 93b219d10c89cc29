using Mammo.Imaging;
using Mammo.Imaging.Decoding;
using Mammo.Imaging.Dicom;
using Mammo.Storage;

namespace Mammo.Data;

/// <summary>
/// Reads CBIS-DDSM as published: the four case-description CSVs (mass and calc, train and test) in a folder, the
/// DICOM full mammograms and ROI masks they name. Every row is one abnormality; rows naming the same image file
/// are one scan. Patients come from patient_id, the fixed split from the CSV's name (train or test), each lesion's
/// centre and radius from its ROI mask (<see cref="LesionMask"/>). BENIGN_WITHOUT_CALLBACK counts as benign.
/// </summary>
/// <remarks>
/// The CSVs give paths as the original release laid files out (<c>Mass-Training_P_00001_LEFT_CC/&lt;uid&gt;/&lt;uid&gt;/000000.dcm</c>);
/// the NBIA downloader writes other folder names below the first. So a path is tried as written, then the DICOM
/// files under its first folder are taken: the one file there for a full image, and for a mask the one of the
/// image's size (the ROI folder also holds the small cropped image).
/// </remarks>
public static class CbisDdsmDataset
{
    /// <summary>The case-description CSVs directly in <paramref name="folder"/>, ordered by name.</summary>
    public static IReadOnlyList<string> CaseFiles(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.csv").Where(f => Path.GetFileName(f).Contains("case_description", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)]
            : [];

    /// <exception cref="MammoDataException">No case-description CSV, a column missing, or (strict) any issue.</exception>
    public static Dataset Load(string folder, DatasetLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        options ??= new DatasetLoadOptions();
        var limits = options.Limits ?? ImageLimits.Default;
        var root = Path.GetFullPath(folder);
        var files = CaseFiles(root);
        if (files.Count == 0)
        {
            throw new MammoDataException($"{folder}: no CBIS-DDSM case-description CSV (e.g. mass_case_description_train_set.csv)");
        }

        var issues = new List<DataIssue>();
        var rows = new List<(string File, CsvRow Row, CsvTable Table)>();
        foreach (var file in files)
        {
            var table = CsvTable.Parse(InputFile.ReadText(file, DatasetSource.MaxLabelBytes), file);
            string[] required = ["patient_id", "left or right breast", "image view", "abnormality type", "pathology", "image file path", "ROI mask file path"];
            var missing = required.Where(c => table.Column(c) is null).ToList();
            if (missing.Count > 0)
            {
                throw new MammoDataException($"{file}:1: missing column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(m => $"'{m}'"))}");
            }

            rows.AddRange(table.Rows.Select(r => (file, r, table)));
        }

        var scans = new List<(string Key, string PatientId, FixedSplit? Split, string? View, Laterality? Laterality, int Line, string LabelFile, int Width, int Height, List<Lesion> Lesions)>();
        var byImage = rows.GroupBy(r => FirstFolder(r.Row[r.Table.Column("image file path")]), StringComparer.Ordinal);
        foreach (var group in byImage)
        {
            var (file, first, table) = group.First();
            if (group.Key.Length == 0)
            {
                issues.AddRange(group.Select(r => new DataIssue(r.File, r.Row.Line, null, "field 'image file path': empty; row left out")));
                continue;
            }

            var image = FindImage(root, first[table.Column("image file path")], null, limits);
            if (image is null)
            {
                issues.Add(new DataIssue(file, first.Line, group.Key, $"image {first[table.Column("image file path")]} not found under {root}; image left out"));
                continue;
            }

            var lesions = new List<Lesion>();
            foreach (var (rowFile, row, rowTable) in group)
            {
                if (ParseLesion(root, rowFile, row, rowTable, group.Key, image.Value, limits, issues) is { } lesion)
                {
                    lesions.Add(lesion with { Index = lesions.Count });
                }
            }

            if (lesions.Count == 0)
            {
                continue;
            }

            var lateralityText = first[table.Column("left or right breast")].ToUpperInvariant();
            scans.Add((image.Value.Key, first[table.Column("patient_id")], SplitOf(file), first[table.Column("image view")].ToUpperInvariant() is { Length: > 0 } v ? v : null,
                lateralityText == "LEFT" ? Laterality.Left : lateralityText == "RIGHT" ? Laterality.Right : null, first.Line, file, image.Value.Width, image.Value.Height, lesions));
        }

        var patients = scans.Select(s => s.PatientId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((id, i) => (id, i)).ToDictionary(p => p.id, p => new Patient(p.i + 1), StringComparer.Ordinal);
        var result = new List<Scan>();
        foreach (var s in scans.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var id = FirstFolder(s.Key);
            var patient = patients[s.PatientId];
            result.Add(new Scan(id, result.Count + 1, Tissue.Unknown, [.. s.Lesions.Select(l => l with { ScanId = id, Patient = patient })], s.Line)
            {
                Patient = patient,
                PatientId = s.PatientId,
                FileName = s.Key,
                LabelFile = s.LabelFile,
                Width = s.Width,
                Height = s.Height,
                View = s.View,
                Laterality = s.Laterality,
                Split = s.Split,
            });
        }

        Dataset.ThrowIfStrict(options.Strict, issues);
        var source = new FileTreeDatasetSource(root, root, [.. result.Select(s => s.FileName)], limits);
        return new Dataset(DatasetFormat.CbisDdsm, source, rows.Count, result, issues);
    }

    private static Lesion? ParseLesion(string root, string file, CsvRow row, CsvTable table, string scanId, (string Key, int Width, int Height) image, ImageLimits limits, List<DataIssue> issues)
    {
        Lesion? Fail(string reason)
        {
            issues.Add(new DataIssue(file, row.Line, scanId, reason + "; row left out"));
            return null;
        }

        var pathology = row[table.Column("pathology")].ToUpperInvariant();
        Severity? severity = pathology switch
        {
            "MALIGNANT" => Severity.Malignant,

            // Benign without callback: benign enough that no follow-up was asked for; still benign.
            "BENIGN" or "BENIGN_WITHOUT_CALLBACK" => Severity.Benign,
            _ => null,
        };
        if (severity is null)
        {
            return Fail($"field 'pathology': '{pathology}' is not BENIGN, BENIGN_WITHOUT_CALLBACK or MALIGNANT");
        }

        var type = row[table.Column("abnormality type")].ToUpperInvariant();
        var shape = row[table.Column("mass shape")].ToUpperInvariant();
        var margins = row[table.Column("mass margins")].ToUpperInvariant();
        var calcType = row[table.Column("calc type")].ToUpperInvariant();
        AbnormalityClass cls;
        string name;
        if (type == "CALCIFICATION")
        {
            (cls, name) = (AbnormalityClass.Calcification, $"CALCIFICATION {calcType}".Trim());
        }
        else if (type == "MASS")
        {
            // Onto MIAS's classes: shape names distortion and asymmetry, margins name circumscribed and spiculated
            // masses; every other mass is MIAS's "other, ill-defined" (MISC).
            cls = shape.Contains("ARCHITECTURAL_DISTORTION", StringComparison.Ordinal) ? AbnormalityClass.ArchitecturalDistortion
                : shape.Contains("ASYMMETRIC", StringComparison.Ordinal) ? AbnormalityClass.Asymmetry
                : margins.StartsWith("CIRCUMSCRIBED", StringComparison.Ordinal) ? AbnormalityClass.Circumscribed
                : margins.StartsWith("SPICULATED", StringComparison.Ordinal) ? AbnormalityClass.Spiculated
                : AbnormalityClass.IllDefined;
            name = $"MASS {shape} {margins}".Trim();
        }
        else
        {
            return Fail($"field 'abnormality type': '{type}' is not mass or calcification");
        }

        var maskPath = row[table.Column("ROI mask file path")];
        var mask = FindImage(root, maskPath, (image.Width, image.Height), limits);
        if (mask is null)
        {
            return Fail($"field 'ROI mask file path': no mask of the image's size {image.Width}×{image.Height} found for {maskPath} under {root}");
        }

        var source = new FileTreeDatasetSource(root, root, [mask.Value.Key], limits);
        LesionLocation location;
        try
        {
            location = ManifestDataset.FromMask(source, mask.Value.Key, image.Width, image.Height);
        }
        catch (MammoDataException e)
        {
            return Fail($"field 'ROI mask file path': {e.Message}");
        }

        return new Lesion(scanId, 0, default, cls, severity.Value, location, null, row.Line) { ClassName = name };
    }

    private static FixedSplit? SplitOf(string file)
    {
        var name = Path.GetFileName(file);
        return name.Contains("train", StringComparison.OrdinalIgnoreCase) ? FixedSplit.Train
            : name.Contains("test", StringComparison.OrdinalIgnoreCase) ? FixedSplit.Test
            : null;
    }

    private static string FirstFolder(string path)
    {
        var clean = path.Trim().Replace('\\', '/').TrimStart('/');
        var slash = clean.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? clean : clean[..slash];
    }

    // The file as written, else the DICOM files under its first folder. Without a wanted size (a full image): the
    // file as written, else the folder's only file. With one (a mask): the first of that size, the file as written
    // first — the CSVs sometimes name the cropped image where the mask is meant, and the folder holds both.
    private static (string Key, int Width, int Height)? FindImage(string root, string written, (int Width, int Height)? size, ImageLimits limits)
    {
        var relative = written.Trim().Replace('\\', '/').TrimStart('/');
        if (relative.Length == 0)
        {
            return null;
        }

        var candidates = new List<string>();
        if (File.Exists(Path.Combine(root, relative)))
        {
            candidates.Add(relative);
        }

        var folder = Path.Combine(root, FirstFolder(relative));
        var inFolder = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.dcm", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList()
            : [];
        if (size is not null || candidates.Count == 0)
        {
            candidates.AddRange(size is null && inFolder.Count != 1 ? [] : inFolder.Where(f => f != relative));
        }

        foreach (var candidate in candidates)
        {
            try
            {
                var (width, height) = ScanImageDecoders.Default.Identify(Path.Combine(root, candidate), limits);
                if (size is null || (width, height) == size.Value)
                {
                    return (candidate, width, height);
                }
            }
            catch (ImageLoadException)
            {
                // An unreadable candidate is not the one; if none is, the caller says the image was not found.
            }
        }

        return null;
    }
}
