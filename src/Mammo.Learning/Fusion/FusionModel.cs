using Mammo.Learning.Baselines;

namespace Mammo.Learning.Fusion;

/// <summary>
/// One unit's fusion of the label table and the network: the metadata model (abnormality class one-hot and log
/// radius, as the metadata baseline) and a logistic regression on its log-odds beside the network's.
/// </summary>
/// <param name="Fold">The unit's fold; null for the patient and official protocols' single model.</param>
/// <param name="Metadata">Fitted on the unit's training and validation samples.</param>
/// <param name="Stacker">
/// Inputs (metadata log-odds, network log-odds), fitted on the unit's validation samples, whose network scores are
/// out of sample; null when the validation part holds one class only, and then the metadata model decides alone.
/// </param>
public sealed record FusionModel(int? Fold, LogisticModel Metadata, LogisticModel? Stacker)
{
    /// <summary>The fused probability of the positive class.</summary>
    /// <param name="metadata">The sample's <see cref="Mammo.Baselines.MetadataFeatures"/>.</param>
    /// <param name="network">The network's probability of the positive class.</param>
    public double Probability(double[] metadata, double network)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return Stacker is null ? Metadata.Probability(metadata) : Stacker.Probability([Metadata.DecisionValue(metadata), LogOdds(network)]);
    }

    /// <summary>log(p / (1 − p)), with p kept 1e-6 away from 0 and 1 so a saturated network stays finite.</summary>
    public static double LogOdds(double probability)
    {
        var p = Math.Clamp(probability, 1e-6, 1 - 1e-6);
        return Math.Log(p / (1 - p));
    }
}
