using Mammo.Cli.Infrastructure;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Cli;

/// <summary>
/// The converters that read the structured options (--at, --radii, --split, experiment's lists): what they make of
/// a good value, and the one line a bad one gets, on its own and through the command line.
/// </summary>
public sealed class OptionConverterTests
{
    [Fact]
    public void Split_reads_three_fractions_that_add_up_to_1()
    {
        Assert.Equal(new SplitFractions(0.7, 0.1, 0.2), new SplitConverter().Parse("0.7,0.1,0.2"));
        Assert.Equal(new SplitFractions(0.6, 0.2, 0.2), new SplitConverter().Parse(" 0.6, 0.2 ,0.2"));
        Assert.Equal(new SplitFractions(1, 0, 0), new SplitConverter().Parse("1,0,0"));
    }

    [Theory]
    [InlineData("0.5,0.5,0.5")]
    [InlineData("0.6,0.4")]
    [InlineData("0.6,0.2,0.1,0.1")]
    [InlineData("-0.2,0.6,0.6")]
    [InlineData("a,b,c")]
    [InlineData("NaN,0.5,0.5")]
    public void Split_refuses_anything_else_naming_the_option_and_the_value(string text)
    {
        var refused = Assert.Throws<InvalidSettingException>(() => new SplitConverter().Parse(text));

        Assert.Equal($"--split '{text}': expected three non-negative fractions that add up to 1, e.g. 0.6,0.2,0.2", refused.Message);
        Assert.Equal("--split", refused.Setting);
    }

    [Fact]
    public void Region_reads_a_centre_and_a_radius()
    {
        Assert.Equal(new PixelCircle(535, 425, 197), new RegionConverter().Parse("535,425,197"));
        Assert.Equal(new PixelCircle(1.5, -2, 30), new RegionConverter().Parse("1.5,-2,3e1"));
    }

    [Theory]
    [InlineData("1,2")]
    [InlineData("1,2,3,4")]
    [InlineData("1,2,x")]
    [InlineData("1,2,Infinity")]
    [InlineData("1;2;3")]
    public void Region_refuses_anything_but_three_finite_numbers(string text)
    {
        var refused = Assert.Throws<InvalidSettingException>(() => new RegionConverter().Parse(text));

        Assert.Equal($"--at '{text}': expected three numbers x,y,r, e.g. 535,425,197", refused.Message);
    }

    [Fact]
    public void Radii_reads_a_list_within_the_bounds()
    {
        Assert.Equal([48.0, 96.0], new RadiiConverter().Parse("48,96"));
        Assert.Equal([4.0, 1000.0], new RadiiConverter().Parse("4,1000"));
        Assert.Equal([24.0], new RadiiConverter().Parse("24"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("48,2000")]
    [InlineData("48,")]
    [InlineData("48;96")]
    [InlineData("NaN")]
    public void Radii_refuses_a_radius_out_of_bounds_or_not_a_number(string text)
    {
        var refused = Assert.Throws<InvalidSettingException>(() => new RadiiConverter().Parse(text));

        Assert.Equal($"--radii '{text}': expected radii between 4 and 1000 pixels, e.g. 48,96", refused.Message);
    }

    [Fact]
    public void Lists_drop_blanks_and_repeats_and_keep_the_order()
    {
        Assert.Equal(["calc", "mass"], new TaskListConverter().Parse("calc, mass,,CALC"));
        Assert.Equal([Balancing.Class, Balancing.Weights], new BalancingListConverter().Parse("class,Weights,class"));
        Assert.Equal([EvaluationProtocol.Leaky, EvaluationProtocol.Cv], new ProtocolListConverter().Parse("leaky,cv"));
        Assert.Equal([EvaluationProtocol.Leaky, EvaluationProtocol.Cv], new ProtocolListConverter().Parse("seed,cv,Leaky"));
    }

    [Fact]
    public void Lists_name_the_first_unknown_entry_and_refuse_enum_numbers()
    {
        Assert.StartsWith("--tasks: 'nonsense' is not a task; expected some of calc, mass,", Assert.Throws<InvalidSettingException>(() => new TaskListConverter().Parse("calc,nonsense")).Message, StringComparison.Ordinal);
        Assert.Equal("--balancing: '1' is not a balancing; expected some of class, full, none, weights", Assert.Throws<InvalidSettingException>(() => new BalancingListConverter().Parse("class,1")).Message);
        Assert.Equal("--protocols: 'seeds' is not a protocol; expected some of leaky, cv, patient", Assert.Throws<InvalidSettingException>(() => new ProtocolListConverter().Parse("seeds")).Message);
        Assert.Equal("--protocols: '2' is not a protocol; expected some of leaky, cv, patient", Assert.Throws<InvalidSettingException>(() => new ProtocolListConverter().Parse("cv,2")).Message);
    }

    [Fact]
    public void The_experiment_grid_is_made_of_the_converted_lists()
    {
        var result = CliRunner.Run("experiment", "--tasks", "calc, mass,calc", "--balancing", "weights", "--protocols", "cv,seed", "--list-cells");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["calc-cv-weights", "calc-leaky-weights", "mass-cv-weights", "mass-leaky-weights"], result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    public static TheoryData<string[], string> BadValues() => new()
    {
        { ["predict", "no-run", "no-image.png", "--at", "1,2"], "--at '1,2': expected three numbers x,y,r" },
        { ["predict", "no-run", "no-image.png", "--radii", "48,x"], "--radii '48,x': expected radii between 4 and 1000 pixels" },
        { ["localise", "no-run", "--radii", "2000"], "--radii '2000': expected radii between 4 and 1000 pixels" },
        { ["train", "--split", "0.6,0.6,0.2"], "--split '0.6,0.6,0.2': expected three non-negative fractions that add up to 1" },
        { ["baselines", "--split", "half"], "--split 'half': expected three non-negative fractions" },
        { ["experiment", "--tasks", "calc,nonsense", "--list-cells"], "--tasks: 'nonsense' is not a task" },
        { ["experiment", "--balancing", "oversample", "--list-cells"], "--balancing: 'oversample' is not a balancing" },
        { ["experiment", "--protocols", "0", "--list-cells"], "--protocols: '0' is not a protocol" },
        { ["train", "--protocol", "seeds"], "--protocol: 'seeds' is not a protocol; expected one of patient, cv, leaky, official" },
        { ["baselines", "--protocol", "2"], "--protocol: '2' is not a protocol" },
        { ["patches", "--variants", "12"], "--variants: '12' is not a variant scheme; expected one of none, dihedral, original" },
        { ["show", "mdb001", "--variants", "rotations"], "--variants: 'rotations' is not a variant scheme" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_is_one_usage_line_naming_the_option_and_the_value(string[] args, string expected)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"mammo: error: {expected}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed to convert", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Errors + result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Errors + result.Output, StringComparison.Ordinal);
    }
}
