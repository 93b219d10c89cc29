namespace Mammo.Cli.Infrastructure;

/// <summary><c>--split TRAIN,VALIDATION,TEST</c>: three non-negative fractions that add up to 1.</summary>
public sealed class SplitConverter : OptionConverter<SplitFractions>
{
    protected override string OptionName => "--split";

    protected override bool TryParse(string text, out SplitFractions value, out string problem)
    {
        var fractions = Numbers(text);
        value = fractions.Length == 3 ? new SplitFractions(fractions[0], fractions[1], fractions[2]) : default;
        problem = $"{OptionName} '{text}': expected three non-negative fractions that add up to 1, e.g. {SplitFractions.DefaultText}";
        return fractions.Length == 3 && fractions.All(v => v >= 0) && Math.Abs(fractions.Sum() - 1) <= 1e-6;
    }
}
