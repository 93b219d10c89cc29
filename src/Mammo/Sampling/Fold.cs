namespace Mammo.Sampling;

/// <summary>
/// One cross-validation fold (<see cref="Index"/> from 0): its own test patients, and the remaining patients
/// split into training and validation.
/// </summary>
public sealed record Fold(int Index, IReadOnlyList<Sample> Train, IReadOnlyList<Sample> Validation, IReadOnlyList<Sample> Test)
{
    public SplitAssignment Assignment => new(Train, Validation, Test);

    /// <summary>The manifest rows of this fold, with the fold column set.</summary>
    public IReadOnlyList<SplitRow> Rows() => Assignment.Rows(Index);
}
