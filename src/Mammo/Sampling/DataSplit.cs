namespace Mammo.Sampling;

/// <summary>The three parts of a split: fit on Train, choose epochs and thresholds on Validation, report on Test.</summary>
public enum DataSplit
{
    Train,
    Validation,
    Test,
}
