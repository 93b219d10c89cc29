using System.ComponentModel;
using Mammo.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class EvaluateSettings : CommandSettings
{
    [CommandArgument(0, "<RUN>")]
    [Description("A run folder written by mammo train.")]
    public string Run { get; init; } = string.Empty;

    [CommandOption("--no-tta")]
    [Description("Score each lesion on its unaugmented patch only, instead of the mean over its 8 variants.")]
    public bool NoTta { get; init; }

    [CommandOption("--threshold <P>")]
    [Description("Probability of the positive class at which sensitivity and specificity are reported.")]
    [DefaultValue(ThresholdMetrics.DefaultThreshold)]
    public double Threshold { get; init; }

    [CommandOption("--resamples <N>")]
    [Description("Bootstrap resamples for the AUC's 95% confidence interval.")]
    [DefaultValue(Bootstrap.DefaultResamples)]
    public int Resamples { get; init; }

    public override ValidationResult Validate() =>
        Threshold is <= 0 or >= 1 ? ValidationResult.Error("--threshold must be between 0 and 1")
        : Resamples < 100 ? ValidationResult.Error("--resamples must be at least 100")
        : ValidationResult.Success();
}
