namespace Mammo.Runs;

/// <summary>What a run combines with its network's score.</summary>
public enum FusionKind
{
    /// <summary>The network alone.</summary>
    None,

    /// <summary>
    /// The network's score with the label table's abnormality class and radius (the metadata baseline's inputs),
    /// fitted on each unit's training and validation parts only.
    /// </summary>
    Metadata,
}
