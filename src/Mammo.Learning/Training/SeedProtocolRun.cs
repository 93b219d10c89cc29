using Mammo.Evaluation;
using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Sampling;

namespace Mammo.Learning.Training;

/// <summary>
/// The original study's protocol, for reproduction only: augmented patches balanced, shuffled and split 75/25, so
/// copies of a lesion land on both sides, and the test part also picks the epoch. Its numbers are inflated.
/// </summary>
internal sealed class SeedProtocolRun(RunContext run) : IEvaluationProtocolRun
{
    public ProtocolOutcome? Run(IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        var config = run.Config;
        var balanced = Balancer.Apply(samples, config.Balancing == Balancing.Weights ? Balancing.None : config.Balancing, config.Seed);
        var assignment = SeedProtocolSplit.Split(balanced, run.Extractor.Variants.Count, config.Seed);
        var rows = assignment.Train.Select(p => new SplitRow(PatchOf(p).Id, p.Sample.Patient, p.Sample.Label, DataSplit.Train))
            .Concat(assignment.Test.Select(p => new SplitRow(PatchOf(p).Id, p.Sample.Patient, p.Sample.Label, DataSplit.Test)));
        run.Folder.WriteText(SplitManifest.FileName, SplitManifest.Write(rows));
        run.Say($"LEAKY protocol (the original study's): {assignment.Train.Count} train / {assignment.Test.Count} test patches; {assignment.LeakyLesions} lesions have copies on both sides; the test part is also the validation part");
        var train = assignment.Train.Select(p => (PatchOf(p), p.Sample.Label)).ToList();
        var test = assignment.Test.Select(p => (PatchOf(p), p.Sample.Label)).ToList();
        var weights = config.Balancing == Balancing.Weights ? Balancer.ClassWeights(balanced, run.Task.ClassNames.Count) : null;
        using var unit = new UnitTrainer(run).Train(null, "model (leaky protocol)", train, test, weights, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var probabilities = new PatchClassifier(unit.Model, config.Preprocessing, TorchDevice.Of(config.Training.Device)).Predict([.. test.Select(t => t.Item1.Pixels)]);
        var predictions = assignment.Test.Select((p, i) => new Prediction(PatchOf(p).Id, p.Sample.Id, p.Sample.Patient, null, p.Sample.Label, probabilities[i])).ToList();
        return new ProtocolOutcome(predictions, predictions, null);
    }

    private Patch PatchOf(VariantSample pair) => run.Variants[pair.Sample.Id][pair.Variant];
}
