using Mammo.Data;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Learning;

/// <summary><c>--protocol official</c> through the split code train and baselines share, on a manifest's split column.</summary>
public sealed class OfficialProtocolTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Dataset Manifest(bool withSplit = true)
    {
        var csv = new List<string> { "image,patient,x,y,radius,class,severity" + (withSplit ? ",split" : string.Empty) };
        for (var n = 1; n <= 24; n++)
        {
            File.WriteAllBytes(_folder.File($"s{n:00}.pgm"), Pgm.Encode(Pgm.WithDisc(64, 64, 32, 32, 6)));
            var patient = (n + 1) / 2;
            csv.Add($"s{n:00}.pgm,p{patient:00},32,32,6,CALC,{(patient % 2 == 0 ? "M" : "B")}" + (withSplit ? (patient > 9 ? ",test" : ",train") : string.Empty));
        }

        File.WriteAllText(_folder.File("dataset.csv"), string.Join('\n', csv));
        return DatasetLoader.Load(_folder.File("dataset.csv"), new DatasetLoadOptions(Strict: true));
    }

    [Fact]
    public void The_test_unit_is_the_manifests_test_rows_and_validation_comes_from_its_training_patients()
    {
        var dataset = Manifest();

        var planned = RunSplit.Plan(dataset, new RunConfig { Task = "calc", Protocol = EvaluationProtocol.Official, Seed = 2 });

        var unit = Assert.Single(planned.Units);
        Assert.Equal([.. Enumerable.Range(19, 6).Select(n => $"s{n}-0")], unit.Test.Select(s => s.Id));
        Assert.Equal(18, unit.Train.Count + unit.Validation.Count);
        Assert.NotEmpty(unit.Validation);
        Assert.Empty(unit.Train.Select(s => s.Patient).Intersect(unit.Validation.Select(s => s.Patient)));
    }

    [Fact]
    public void Without_a_split_column_the_official_protocol_says_which_scan_lacks_one()
    {
        var dataset = Manifest(withSplit: false);

        var error = Assert.Throws<Mammo.Sampling.SplitException>(() => RunSplit.Plan(dataset, new RunConfig { Task = "calc", Protocol = EvaluationProtocol.Official }));

        Assert.Equal("scan s01 (and 23 more) has no fixed train/test split; the official protocol needs one for every scan", error.Message);
    }
}
