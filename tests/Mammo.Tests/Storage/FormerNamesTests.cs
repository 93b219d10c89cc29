using System.Text.Json;
using Mammo.Imaging;
using Mammo.Runs;
using Mammo.Storage;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Storage;

/// <summary>
/// "seed" named the network, the leaky protocol and the original variant recipe; each has its own name now, and
/// files written before the rename read back with the new ones.
/// </summary>
public sealed class FormerNamesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("leaky", EvaluationProtocol.Leaky)]
    [InlineData("seed", EvaluationProtocol.Leaky)]
    [InlineData(" Seed ", EvaluationProtocol.Leaky)]
    [InlineData("LEAKY", EvaluationProtocol.Leaky)]
    [InlineData("cv", EvaluationProtocol.Cv)]
    [InlineData("official", EvaluationProtocol.Official)]
    public void A_protocol_reads_from_its_name_or_its_former_name_in_any_case(string text, EvaluationProtocol expected)
    {
        Assert.True(EnumNames.TryParse<EvaluationProtocol>(text, out var protocol));
        Assert.Equal(expected, protocol);
    }

    [Fact]
    public void Numbers_and_unknown_names_are_not_names()
    {
        Assert.False(EnumNames.TryParse<EvaluationProtocol>("2", out _));
        Assert.False(EnumNames.TryParse<EvaluationProtocol>("seeds", out _));
        Assert.False(EnumNames.TryParse<EvaluationProtocol>(null, out _));
        Assert.False(EnumNames.TryParse<VariantScheme>("12", out _));
    }

    [Fact]
    public void The_names_written_are_the_new_ones_and_the_former_ones_are_listed()
    {
        Assert.Equal(["patient", "cv", "leaky", "official"], EnumNames.All<EvaluationProtocol>());
        Assert.Equal(["none", "dihedral", "original"], EnumNames.All<VariantScheme>());
        Assert.Equal([("seed", EvaluationProtocol.Leaky)], EnumNames.Aliases<EvaluationProtocol>());
        Assert.Equal([("seed", VariantScheme.Original)], EnumNames.Aliases<VariantScheme>());
        Assert.True(EnumNames.TryParse<VariantScheme>("seed", out var variants));
        Assert.Equal(VariantScheme.Original, variants);
    }

    [Fact]
    public void Json_writes_the_new_names_and_reads_the_former_ones()
    {
        Assert.Equal("\"leaky\"", Json.Serialize(EvaluationProtocol.Leaky));
        Assert.Equal("\"original\"", Json.Serialize(VariantScheme.Original));
        Assert.Equal(EvaluationProtocol.Leaky, JsonSerializer.Deserialize<EvaluationProtocol>("\"seed\"", Json.Options));
        Assert.Equal(VariantScheme.Original, JsonSerializer.Deserialize<VariantScheme>("\"seed\"", Json.Options));
        Assert.Equal([EvaluationProtocol.Leaky, EvaluationProtocol.Cv], JsonSerializer.Deserialize<EvaluationProtocol[]>("""["seed","cv"]""", Json.Options));
        Assert.Equal(EvaluationProtocol.Leaky, JsonSerializer.Deserialize<EvaluationProtocol?>("\"seed\"", Json.Options));

        // Enums without former names keep the general converter's spelling.
        Assert.Equal("\"weights\"", Json.Serialize(Mammo.Sampling.Balancing.Weights));
    }

    [Fact]
    public void A_json_value_that_is_no_protocol_names_the_value_and_the_names()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<EvaluationProtocol>("\"seeds\"", Json.Options));

        Assert.StartsWith("'seeds' is not a name of EvaluationProtocol; expected one of patient, cv, leaky, official", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_config_json_reads_back_with_the_new_names_and_is_written_with_them()
    {
        var folder = new RunFolder(_folder.File("run"));
        Directory.CreateDirectory(folder.Path);
        File.WriteAllText(folder.File(RunFolder.ConfigFile), """
            {"task":"calc","model":"seed","balancing":"class","protocol":"seed","folds":5,"preprocessing":{"crop":"lesion","size":48,"intensity":"unit_range","variants":"seed"},"seed":0}
            """);

        var config = folder.ReadConfig();
        folder.WriteJson("again.json", config);
        using var written = JsonDocument.Parse(File.ReadAllText(folder.File("again.json")));

        Assert.Equal(("keras", EvaluationProtocol.Leaky, VariantScheme.Original), (config.Model, config.Protocol, config.Preprocessing.Variants));
        Assert.True(config.Leaky);
        Assert.Equal("keras", written.RootElement.GetProperty("model").GetString());
        Assert.Equal("leaky", written.RootElement.GetProperty("protocol").GetString());
        Assert.Equal("original", written.RootElement.GetProperty("preprocessing").GetProperty("variants").GetString());
    }

    [Fact]
    public void An_old_metrics_json_reads_back_with_the_new_names()
    {
        var file = _folder.File("metrics.json");
        File.WriteAllText(file, """
            {"task":"calc","classes":["benign","malignant"],"protocol":"seed","leaky":true,"warning":"WARNING: seed protocol","model":"seed","balancing":"class","seed":0,"test_tta":null,"test_no_tta":null}
            """);

        var metrics = InputFile.ReadJson<RunMetrics>(file);

        Assert.Equal(("keras", EvaluationProtocol.Leaky), (metrics.Model, metrics.Protocol));
    }

    [Fact]
    public void An_old_experiment_plan_reads_back_with_the_new_names_and_matches_the_plan_asked_for_today()
    {
        var plan = JsonSerializer.Deserialize<ExperimentPlan>("""{"tasks":["calc"],"balancings":["class"],"protocols":["seed","cv"],"model":"seed","folds":3}""", Json.Options)!;

        Assert.Equal([EvaluationProtocol.Leaky, EvaluationProtocol.Cv], plan.Protocols);
        Assert.Equal("keras", plan.Model);
        Assert.Null(new ExperimentPlan { Tasks = ["calc"], Balancings = [Mammo.Sampling.Balancing.Class] }.DifferenceFrom(plan));
        Assert.Equal("calc-leaky-class", plan.Cell("calc-seed-class").Name);
        Assert.Equal("calc-seed-class", plan.Cell("calc-leaky-class").FormerName);
        Assert.Null(plan.Cell("calc-cv-class").FormerName);
    }
}
