namespace Mammo.Evaluation;

/// <summary>A percentile bootstrap confidence interval.</summary>
/// <param name="Estimate">The statistic on the original sample.</param>
/// <param name="Resamples">Resamples drawn, the skipped ones included.</param>
/// <param name="Skipped">Resamples on which the statistic was undefined (for AUC: only one class drawn); they are left out of the percentiles.</param>
public sealed record BootstrapInterval(double Estimate, double Lower, double Upper, int Resamples, int Skipped)
{
    /// <summary>Resamples that contributed to the interval.</summary>
    public int Used => Resamples - Skipped;
}
