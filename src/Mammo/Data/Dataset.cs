namespace Mammo.Data;

/// <summary>
/// A set of mammograms with their labels, whatever it was read from (<see cref="Format"/>): its scans with their
/// lesions, and the records left out, each with the file, line and reason. Nothing here ever writes to the source.
/// Every lesion location is in MIAS convention (origin bottom-left) whatever the format wrote: loaders convert.
/// </summary>
public sealed class Dataset
{
    public Dataset(DatasetFormat format, DatasetSource source, int labelRowCount, IReadOnlyList<Scan> scans, IReadOnlyList<DataIssue> excluded)
    {
        Format = format;
        Source = source;
        LabelRowCount = labelRowCount;
        Scans = scans;
        Excluded = excluded;
    }

    public DatasetFormat Format { get; }

    public DatasetSource Source { get; }

    /// <summary>Label records read (Info.txt lines that start with <c>mdb</c>, manifest or case-description rows), understood or not.</summary>
    public int LabelRowCount { get; }

    /// <summary>Usable scans, in the source's order (MIAS: reference order).</summary>
    public IReadOnlyList<Scan> Scans { get; }

    /// <summary>Records left out, with the reason; empty when the data is clean.</summary>
    public IReadOnlyList<DataIssue> Excluded { get; }

    public IEnumerable<Lesion> Lesions => Scans.SelectMany(s => s.Lesions);

    public Scan? FindScan(string id) => Scans.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>In strict mode the first issue, with how many more, is fatal.</summary>
    /// <exception cref="MammoDataException">Strict, and there is an issue.</exception>
    public static void ThrowIfStrict(bool strict, IReadOnlyList<DataIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (strict && issues.Count > 0)
        {
            var more = issues.Count > 1 ? $" (and {issues.Count - 1} more issue(s))" : string.Empty;
            throw new MammoDataException(issues[0] + more) { Remedy = issues.Count > 1 ? DataRemedy.ListAllIssues : DataRemedy.None };
        }
    }
}
