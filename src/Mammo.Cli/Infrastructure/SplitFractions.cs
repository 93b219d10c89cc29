namespace Mammo.Cli.Infrastructure;

/// <summary>The train, validation and test fractions of <c>--split</c>: non-negative, adding up to 1.</summary>
public readonly record struct SplitFractions(double Train, double Validation, double Test)
{
    public const string DefaultText = "0.6,0.2,0.2";
}
