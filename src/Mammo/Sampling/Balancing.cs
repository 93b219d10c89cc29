namespace Mammo.Sampling;

/// <summary>How <see cref="Balancer"/> evens out the training samples.</summary>
public enum Balancing
{
    /// <summary>Train on every sample.</summary>
    None,

    /// <summary>
    /// The original study's balance: within each abnormality class the majority severity is undersampled to
    /// the minority's count; normals to the mean size of the balanced classes.
    /// </summary>
    Class,

    /// <summary>Every class × severity cell undersampled to the smallest non-empty cell; normals to twice that.</summary>
    Full,

    /// <summary>Every sample kept; the loss weighs classes by <see cref="Balancer.ClassWeights"/> instead.</summary>
    Weights,
}
