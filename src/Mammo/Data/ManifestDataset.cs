using System.Globalization;
using System.Text;
using Mammo.Imaging;
using Mammo.Imaging.Decoding;
using Mammo.Imaging.Dicom;
using Mammo.Storage;

namespace Mammo.Data;

/// <summary>
/// Reads a dataset manifest: a CSV with one row per lesion, or per normal image (docs/data.md). Columns image,
/// patient, x, y, radius, class, severity; optional view, laterality, mask, split. Coordinates are pixels with the
/// origin at the TOP-left (as image tools give them) and are converted to MIAS convention at load, once each
/// image's height is read from its header. A bad field leaves its row out with file:line and the field's name;
/// an image whose rows disagree, or that cannot be read, is left out whole.
/// </summary>
public static class ManifestDataset
{
    public static IReadOnlyList<string> RequiredColumns { get; } = ["image", "patient", "x", "y", "radius", "class", "severity"];

    /// <exception cref="MammoDataException">Unreadable, a required column missing, or (strict) any issue.</exception>
    public static Dataset Load(string path, DatasetLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new DatasetLoadOptions();
        var limits = options.Limits ?? ImageLimits.Default;
        var table = CsvTable.Parse(InputFile.ReadText(path, DatasetSource.MaxLabelBytes), path);
        var columns = Columns(table);
        var issues = new List<DataIssue>();
        var rows = new List<ManifestRow>();
        foreach (var row in table.Rows)
        {
            if (Parse(table.File, row, columns, issues) is { } parsed)
            {
                rows.Add(parsed);
            }
        }

        var root = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var images = rows.GroupBy(r => r.Image, StringComparer.Ordinal).ToList();
        var source = new FileTreeDatasetSource(path, root, [.. images.Select(g => g.Key)], limits);
        var assembled = new List<(IGrouping<string, ManifestRow> Rows, int Width, int Height, List<Lesion> Lesions)>();
        foreach (var group in images)
        {
            if (Assemble(table.File, group, source, issues) is { } scan)
            {
                assembled.Add((group, scan.Width, scan.Height, scan.Lesions));
            }
        }

        var patients = assembled.Select(a => a.Rows.First().Patient).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((id, i) => (id, i)).ToDictionary(p => p.id, p => new Patient(p.i + 1), StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var scans = new List<Scan>();
        foreach (var (group, width, height, lesions) in assembled)
        {
            var first = group.First();
            var id = UniqueId(group.Key, ids);
            var patient = patients[first.Patient];
            scans.Add(new Scan(id, scans.Count + 1, Tissue.Unknown, [.. lesions.Select(l => l with { ScanId = id, Patient = patient })], first.Line)
            {
                Patient = patient,
                PatientId = first.Patient,
                FileName = group.Key,
                LabelFile = table.File,
                Width = width,
                Height = height,
                View = first.View,
                Laterality = first.Laterality,
                Split = first.Split,
            });
        }

        Dataset.ThrowIfStrict(options.Strict, issues);
        return new Dataset(DatasetFormat.Manifest, source, table.Rows.Count, scans, issues);
    }

    private static Dictionary<string, int?> Columns(CsvTable table)
    {
        var missing = RequiredColumns.Where(c => table.Column(c) is null).ToList();
        if (missing.Count > 0)
        {
            throw new MammoDataException($"{table.File}:1: missing column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(m => $"'{m}'"))} (a manifest needs {string.Join(", ", RequiredColumns)})");
        }

        return RequiredColumns.Concat(["view", "laterality", "mask", "split"]).ToDictionary(c => c, c => table.Column(c), StringComparer.Ordinal);
    }

    private static ManifestRow? Parse(string file, CsvRow row, Dictionary<string, int?> columns, List<DataIssue> issues)
    {
        string Field(string name) => row[columns[name]];
        var image = Field("image").Replace('\\', '/');
        ManifestRow? Fail(string field, string reason)
        {
            issues.Add(new DataIssue(file, row.Line, image.Length > 0 ? image : null, $"field '{field}': {reason}; row left out"));
            return null;
        }

        if (image.Length == 0)
        {
            return Fail("image", "empty");
        }

        var patient = Field("patient");
        if (patient.Length == 0)
        {
            return Fail("patient", "empty");
        }

        var classText = Field("class");
        if (!TryParseClass(classText, out var cls))
        {
            return Fail("class", "empty (NORM for a normal image, else the lesion's class)");
        }

        var severityText = Field("severity");
        Severity? severity = null;
        if (cls == AbnormalityClass.Normal)
        {
            foreach (var name in new[] { "x", "y", "radius", "severity", "mask" })
            {
                if (Field(name).Length > 0)
                {
                    return Fail(name, $"'{Field(name)}' given for a NORM row, which has no lesion");
                }
            }
        }
        else if (TryParseSeverity(severityText) is { } parsed)
        {
            severity = parsed;
        }
        else
        {
            return Fail("severity", severityText.Length == 0 ? "empty for a lesion (B, M, benign or malignant)" : $"'{severityText}' is not B, M, benign or malignant");
        }

        var numbers = new double?[3];
        string[] names = ["x", "y", "radius"];
        for (var i = 0; i < 3; i++)
        {
            var text = Field(names[i]);
            if (text.Length == 0)
            {
                continue;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0 || (i == 2 && value == 0))
            {
                return Fail(names[i], $"'{text}' is not a {(i == 2 ? "positive" : "non-negative")} number of pixels");
            }

            numbers[i] = value;
        }

        var given = numbers.Count(n => n is not null);
        if (given is 1 or 2)
        {
            var absent = names.Where((_, i) => numbers[i] is null).First();
            return Fail(absent, "empty while the other coordinates are given (give x, y and radius, or none)");
        }

        var mask = Field("mask").Replace('\\', '/');
        if (mask.Length > 0 && given == 3)
        {
            return Fail("mask", "given with x, y and radius (give one or the other)");
        }

        var lateralityText = Field("laterality");
        Laterality? laterality = lateralityText.ToUpperInvariant() switch
        {
            "" => null,
            "L" or "LEFT" => Laterality.Left,
            "R" or "RIGHT" => Laterality.Right,
            _ => (Laterality)(-1),
        };
        if (laterality == (Laterality)(-1))
        {
            return Fail("laterality", $"'{lateralityText}' is not L, R, left or right");
        }

        var splitText = Field("split");
        FixedSplit? split = splitText.ToUpperInvariant() switch
        {
            "" => null,
            "TRAIN" or "TRAINING" => FixedSplit.Train,
            "TEST" => FixedSplit.Test,
            _ => (FixedSplit)(-1),
        };
        if (split == (FixedSplit)(-1))
        {
            return Fail("split", $"'{splitText}' is not train or test");
        }

        var view = Field("view");
        var location = given == 3 ? (numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value) : ((double, double, double)?)null;
        return new ManifestRow(row.Line, image, patient, cls, classText, severity, location, mask.Length > 0 ? mask : null,
            view.Length > 0 ? view.ToUpperInvariant() : null, laterality, split);
    }

    private static (int Width, int Height, List<Lesion> Lesions)? Assemble(string file, IGrouping<string, ManifestRow> rows, FileTreeDatasetSource source, List<DataIssue> issues)
    {
        var first = rows.First();
        DataIssue Issue(ManifestRow row, string reason) => new(file, row.Line, rows.Key, reason + "; image left out");
        foreach (var row in rows.Skip(1))
        {
            string? conflict = row.Patient != first.Patient ? "patient" : row.View != first.View ? "view" : row.Laterality != first.Laterality ? "laterality" : row.Split != first.Split ? "split" : null;
            if (conflict is not null)
            {
                issues.Add(Issue(row, $"field '{conflict}' differs from line {first.Line} for the same image"));
                return null;
            }
        }

        var normals = rows.Where(r => r.Class == AbnormalityClass.Normal).ToList();
        if (normals.Count > 0 && normals.Count < rows.Count())
        {
            issues.Add(Issue(rows.First(r => r.Class != AbnormalityClass.Normal), $"a lesion for an image listed as NORM at line {normals[0].Line}"));
            return null;
        }

        int width, height;
        try
        {
            (width, height) = ScanImageDecoders.Default.Identify(source.Resolve(rows.Key), source.Limits);
        }
        catch (ImageLoadException e)
        {
            issues.Add(new DataIssue(file, first.Line, rows.Key, (File.Exists(source.Resolve(rows.Key)) ? e.Message : $"{source.Resolve(rows.Key)}: no such file") + "; image left out"));
            return null;
        }

        var lesions = new List<Lesion>();
        foreach (var row in rows.Where(r => r.Class != AbnormalityClass.Normal))
        {
            LesionLocation? location = null;
            if (row.Location is var (x, y, radius))
            {
                if (x > width || y > height || radius > Math.Max(width, height))
                {
                    issues.Add(Issue(row, $"lesion at ({x}, {y}) with radius {radius} does not fit the {width}×{height} image"));
                    return null;
                }

                location = new LesionLocation(x, height - y, radius);
            }
            else if (row.Mask is { } mask)
            {
                try
                {
                    location = FromMask(source, mask, width, height);
                }
                catch (MammoDataException e)
                {
                    issues.Add(Issue(row, $"field 'mask': {e.Message}"));
                    return null;
                }
            }

            lesions.Add(new Lesion(rows.Key, lesions.Count, default, row.Class, row.Severity!.Value, location, null, row.Line) { ClassName = row.ClassText });
        }

        return (width, height, lesions);
    }

    /// <summary>The lesion of a mask image the size of its scan, in MIAS convention.</summary>
    /// <exception cref="MammoDataException">Missing, unreadable, of another size, or empty.</exception>
    public static LesionLocation FromMask(FileTreeDatasetSource source, string mask, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        var path = source.Resolve(mask);
        if (!File.Exists(path))
        {
            throw new MammoDataException($"{path}: no such file");
        }

        var image = source.ReadImage(mask);
        if (image.Width != width || image.Height != height)
        {
            throw new MammoDataException($"{path}: the mask is {image.Width}×{image.Height}, its image {width}×{height}");
        }

        var measured = LesionMask.Measure(image) ?? throw new MammoDataException($"{path}: the mask is empty (no non-zero pixel)");
        return new LesionLocation(measured.Column, height - measured.Row, measured.Radius);
    }

    /// <summary>NORM, a MIAS code or name (calcification, circumscribed, spiculated, ill-defined, mass, architectural distortion, asymmetry), else free text.</summary>
    public static bool TryParseClass(string text, out AbnormalityClass value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = text.Trim().ToUpperInvariant().Replace('_', ' ').Replace('-', ' ');
        value = key switch
        {
            "" => AbnormalityClass.Other,
            "NORM" or "NORMAL" => AbnormalityClass.Normal,
            "CALC" or "CALCIFICATION" or "CALCIFICATIONS" => AbnormalityClass.Calcification,
            "CIRC" or "CIRCUMSCRIBED" => AbnormalityClass.Circumscribed,
            "SPIC" or "SPICULATED" => AbnormalityClass.Spiculated,

            // MIAS's MISC is "other, ill-defined masses": a mass of no stated shape is one.
            "MISC" or "ILL DEFINED" or "MASS" => AbnormalityClass.IllDefined,
            "ARCH" or "ARCHITECTURAL DISTORTION" => AbnormalityClass.ArchitecturalDistortion,
            "ASYM" or "ASYMMETRY" => AbnormalityClass.Asymmetry,
            _ => AbnormalityClass.Other,
        };
        return key.Length > 0;
    }

    private static Severity? TryParseSeverity(string text) => text.ToUpperInvariant() switch
    {
        "B" or "BENIGN" => Severity.Benign,
        "M" or "MALIGNANT" => Severity.Malignant,
        _ => null,
    };

    // Ids go into file names and CSV fields: the image path without its extension, other characters as '_'.
    private static string UniqueId(string image, HashSet<string> taken)
    {
        var stem = System.IO.Path.ChangeExtension(image, null)!;
        var id = new StringBuilder();
        foreach (var c in stem)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_');
        }

        var candidate = id.ToString();
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{id}_{n}";
        }

        return candidate;
    }
}
