using System.Text.Json;
using Mammo.Imaging;
using Mammo.Learning.Training;
using Mammo.Preprocessing;
using Mammo.Runs;
using Mammo.Storage;

namespace Mammo.Tests.Preprocessing;

public class PatchPipelineTests
{
    [Fact]
    public void Unit_range_scaling_divides_each_grey_level_by_255()
    {
        var input = PatchPipeline.Default with { Size = 2 };

        var values = input.Normalise([[0, 51, 255, 102], [255, 255, 0, 0]]);

        Assert.Equal([0f, 0.2f, 1f, 0.4f, 1f, 1f, 0f, 0f], values);
    }

    [Fact]
    public void A_patch_of_the_wrong_size_is_refused_with_its_index()
    {
        var error = Assert.Throws<ArgumentException>(() => (PatchPipeline.Default with { Size = 2 }).Normalise([new byte[4], new byte[9]]));

        Assert.Contains("patch 1 has 9 pixels, expected 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_test_time_average_is_the_mean_of_each_class()
    {
        var mean = PatchPipeline.Average([[0.2, 0.8], [0.6, 0.4], [0.1, 0.9], [0.3, 0.7]]);

        Assert.Equal(0.3, mean[0], 12);
        Assert.Equal(0.7, mean[1], 12);
    }

    [Fact]
    public void Test_time_variants_are_the_8_dihedral_copies_unless_switched_off_or_none()
    {
        Assert.Equal(8, PatchPipeline.Default.TestTimeTransforms(augment: true).Count);
        Assert.Equal([DihedralTransform.Identity], PatchPipeline.Default.TestTimeTransforms(augment: false));
        Assert.Equal([DihedralTransform.Identity], (PatchPipeline.Default with { Variants = VariantScheme.None }).TestTimeTransforms(augment: true));
    }

    [Fact]
    public void Config_json_states_the_pipeline_under_preprocessing_and_reads_it_back()
    {
        var config = new RunConfig { Preprocessing = new PatchPipeline { Crop = RadiusRule.Parse("fixed:64"), Size = 32 } };

        var json = Json.Serialize(config);
        var back = JsonSerializer.Deserialize<RunConfig>(json, Json.Options)!;

        using var document = JsonDocument.Parse(json);
        var preprocessing = document.RootElement.GetProperty("preprocessing");
        Assert.Equal("fixed:64", preprocessing.GetProperty("crop").GetString());
        Assert.Equal(32, preprocessing.GetProperty("size").GetInt32());
        Assert.Equal("unit_range", preprocessing.GetProperty("intensity").GetString());
        Assert.Equal("dihedral", preprocessing.GetProperty("variants").GetString());
        Assert.Equal(config.Preprocessing, back.Preprocessing);
        Assert.Equal(32, back.PatchSize);
    }

    [Fact]
    public void A_config_written_before_the_pipeline_was_recorded_follows_its_protocol()
    {
        var patient = JsonSerializer.Deserialize<RunConfig>("""{"task":"calc","protocol":"patient","patch_size":48,"radius":"lesion"}""", Json.Options)!;
        var seed = JsonSerializer.Deserialize<RunConfig>("""{"task":"calc","protocol":"seed","patch_size":48,"radius":"lesion"}""", Json.Options)!;

        Assert.Equal(PatchPipeline.Default, patient.Preprocessing);
        Assert.Equal(VariantScheme.Original, seed.Preprocessing.Variants);
        Assert.Equal(PatchPipeline.Original, seed.Preprocessing);
    }

    [Fact]
    public void A_crop_rule_that_does_not_parse_names_the_field()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RunConfig>("""{"preprocessing":{"crop":"fixed:-3"}}""", Json.Options));

        Assert.Contains("fixed:-3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_context_is_a_square_of_that_side_for_lesions_and_normal_scans_alike()
    {
        var pipeline = PatchPipeline.Default with { Crop = PatchPipeline.Context("fixed:64") };

        Assert.Equal(32, pipeline.Crop.Fixed);
        Assert.Equal(32, pipeline.Crop.Apply(5));
        Assert.Equal(32, pipeline.Crop.Apply(80));
        Assert.Equal(32, pipeline.PatchOptions(seed: 0).NormalRadius);
        Assert.Equal(RadiusRule.Lesion, PatchPipeline.Context("lesion"));
        Assert.Equal(48, PatchPipeline.Default.PatchOptions(seed: 0).NormalRadius);
    }

    [Theory]
    [InlineData("fixed:4")]
    [InlineData("fixed:9999")]
    [InlineData("fixed:-64")]
    [InlineData("fixed")]
    [InlineData("radius")]
    public void A_context_that_is_neither_form_is_refused_with_its_text(string text)
    {
        var error = Assert.Throws<InvalidSettingException>(() => PatchPipeline.Context(text));

        Assert.Contains($"context '{text}'", error.Message, StringComparison.Ordinal);
    }
}
