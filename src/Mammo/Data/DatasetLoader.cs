namespace Mammo.Data;

/// <summary>
/// The one door to every dataset format: <see cref="Load"/> recognises the layout at a path (or takes the one in
/// the options) and hands it to its reader. A new format is a <see cref="DatasetFormat"/> value, a reader that
/// returns a <see cref="Dataset"/>, and a line in each switch here.
/// </summary>
public static class DatasetLoader
{
    /// <summary>
    /// A <c>.csv</c> file is a manifest; a folder with Info.txt, or a <c>.tar.gz</c>, is MIAS; a folder holding
    /// CBIS-DDSM case-description CSVs is CBIS-DDSM.
    /// </summary>
    /// <exception cref="MammoDataException">Nothing there, or nothing Mammo recognises.</exception>
    public static DatasetFormat Detect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path))
        {
            if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                return DatasetFormat.Manifest;
            }

            if (DatasetSource.IsArchive(path))
            {
                return DatasetFormat.Mias;
            }

            throw new MammoDataException($"{path}: not a folder or a .tar.gz archive of the MIAS files, nor a dataset manifest (.csv)");
        }

        if (Directory.Exists(path))
        {
            if (File.Exists(Path.Combine(path, MiasLabelReader.FileName)))
            {
                return DatasetFormat.Mias;
            }

            if (CbisDdsmDataset.CaseFiles(path).Count > 0)
            {
                return DatasetFormat.CbisDdsm;
            }

            // A folder of neither: MIAS's reader says what it misses (Info.txt), as it always has.
            return DatasetFormat.Mias;
        }

        throw new MammoDataException($"{path}: no such folder or archive, nor a manifest");
    }

    /// <exception cref="MammoDataException">Unreadable, or (strict) any issue.</exception>
    public static Dataset Load(string path, DatasetLoadOptions? options = null)
    {
        options ??= new DatasetLoadOptions();
        return (options.Format ?? Detect(path)) switch
        {
            DatasetFormat.Mias => MiasDataset.Load(DatasetSource.Open(path, options.Limits), options),
            DatasetFormat.Manifest => ManifestDataset.Load(path, options),
            DatasetFormat.CbisDdsm => CbisDdsmDataset.Load(path, options),
            var other => throw new ArgumentOutOfRangeException(nameof(options), other, "unknown dataset format"),
        };
    }
}
