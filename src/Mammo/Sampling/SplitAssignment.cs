namespace Mammo.Sampling;

/// <summary>Which samples train, validate and test; each part ordered by sample id.</summary>
public sealed record SplitAssignment(IReadOnlyList<Sample> Train, IReadOnlyList<Sample> Validation, IReadOnlyList<Sample> Test)
{
    public IReadOnlyList<Sample> Part(DataSplit split) => split switch
    {
        DataSplit.Train => Train,
        DataSplit.Validation => Validation,
        DataSplit.Test => Test,
        _ => throw new ArgumentOutOfRangeException(nameof(split)),
    };

    /// <summary>The manifest rows: train, then validation, then test; <paramref name="fold"/> fills the fold column.</summary>
    public IReadOnlyList<SplitRow> Rows(int? fold = null) =>
    [
        .. Enum.GetValues<DataSplit>().SelectMany(split => Part(split).Select(s => new SplitRow(s.Id, s.Patient, s.Label, split, fold))),
    ];

    /// <summary>The split manifest (<see cref="SplitManifest.Header"/>, no fold column).</summary>
    public string ToCsv() => SplitManifest.Write(Rows());
}
