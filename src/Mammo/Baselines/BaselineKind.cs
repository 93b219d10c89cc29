namespace Mammo.Baselines;

/// <summary>The yardsticks every network is shown beside, fitted and scored on the network's own split.</summary>
public enum BaselineKind
{
    /// <summary>The training part's share of the positive class: a constant, no signal at all.</summary>
    Prevalence,

    /// <summary>The annotated radius itself, nothing fitted.</summary>
    Radius,

    /// <summary>Logistic regression on the label table: abnormality class one-hot and log radius.</summary>
    Metadata,

    /// <summary>Logistic regression on hand-crafted image features of the lesion (<see cref="LesionFeatures"/>).</summary>
    Features,
}
