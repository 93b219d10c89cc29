using Mammo.Data;

namespace Mammo.Evaluation;

/// <summary>
/// One scored item: a lesion (mean over its augmented variants with test-time augmentation) or, under the
/// original's protocol, a single patch. <see cref="Fold"/> is set in cross-validation.
/// </summary>
public sealed record Prediction(string Id, string SampleId, Patient Patient, int? Fold, int TrueLabel, IReadOnlyList<double> Probabilities)
{
    public int PredictedLabel
    {
        get
        {
            var best = 0;
            for (var i = 1; i < Probabilities.Count; i++)
            {
                if (Probabilities[i] > Probabilities[best])
                {
                    best = i;
                }
            }

            return best;
        }
    }
}
