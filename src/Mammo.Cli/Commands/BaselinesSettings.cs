using System.ComponentModel;
using Mammo.Cli.Infrastructure;
using Mammo.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class BaselinesSettings : SplitSettings
{
    [CommandOption("--json")]
    [Description("Print the summaries as JSON (the 'baselines' object of a run's metrics.json).")]
    public bool Json { get; init; }

    [CommandOption("-o|--out <FILE>")]
    [Description("Also write every held-out sample's scores as CSV (a run's baselines.csv).")]
    public string? Out { get; init; }

    [CommandOption("--overwrite")]
    [Description("Replace an existing --out file.")]
    public bool Overwrite { get; init; }

    public override ValidationResult Validate()
    {
        var shared = base.Validate();
        return !shared.Successful ? shared
            : Protocol == EvaluationProtocol.Leaky ? ValidationResult.Error("--protocol leaky: baselines need an honest split; use patient or cv")
            : ValidationResult.Success();
    }
}
