using Mammo.Evaluation;

namespace Mammo.Learning.Training;

/// <summary>What a protocol hands back: the test predictions with and without test-time averaging, and for cv the folds' AUCs.</summary>
internal sealed record ProtocolOutcome(List<Prediction> Tta, List<Prediction> Single, FoldAucSummary? Folds);
