using Mammo.Sampling;

namespace Mammo.Learning.Training;

/// <summary>One evaluation protocol: how samples are split, which models are trained, what is predicted.</summary>
internal interface IEvaluationProtocolRun
{
    /// <returns>The test predictions, or null when the user interrupted training (checkpoints are kept).</returns>
    ProtocolOutcome? Run(IReadOnlyList<Sample> samples, CancellationToken cancellationToken);
}
