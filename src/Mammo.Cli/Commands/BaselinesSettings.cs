using System.ComponentModel;
using System.Globalization;
using Mammo.Cli.Infrastructure;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class BaselinesSettings : DataSettings
{
    // null! here and below: Spectre sets every option, from [DefaultValue] when it is not given; the attribute is the one statement of the default.
    [CommandOption("-t|--task <TASK>")]
    [Description("calc, mass, arch, asym, all, 3class, normal-abnormal, detect (as mammo train).")]
    [DefaultValue("calc")]
    public string Task { get; init; } = null!;

    [CommandOption("-p|--protocol <PROTOCOL>")]
    [Description("patient, cv or official: the split mammo train with the same options would use.")]
    [DefaultValue(EvaluationProtocol.Patient)]
    public EvaluationProtocol Protocol { get; init; }

    [CommandOption("--folds <K>")]
    [Description("Folds for --protocol cv.")]
    [DefaultValue(5)]
    public int Folds { get; init; }

    [CommandOption("--split <TRAIN,VALIDATION,TEST>")]
    [Description("Fractions for --protocol patient (cv: train and validation share the same ratio).")]
    [DefaultValue("0.6,0.2,0.2")]
    public string Split { get; init; } = null!;

    [CommandOption("--tissue-per-scan <N>")]
    [Description("detect only: tissue regions per scan, as mammo train (the same value gives the same samples).")]
    [DefaultValue(4)]
    public int TissuePerScan { get; init; }

    [CommandOption("--seed <N>")]
    [Description("The split's seed (and the bootstrap's), as mammo train --seed.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--json")]
    [Description("Print the summaries as JSON (the 'baselines' object of a run's metrics.json).")]
    public bool Json { get; init; }

    [CommandOption("-o|--out <FILE>")]
    [Description("Also write every held-out sample's scores as CSV (a run's baselines.csv).")]
    public string? Out { get; init; }

    [CommandOption("--overwrite")]
    [Description("Replace an existing --out file.")]
    public bool Overwrite { get; init; }

    public (double Train, double Validation, double Test) SplitFractions() => SplitOptions.Fractions(Split);

    public override ValidationResult Validate()
    {
        if (SplitOptions.Check(Task, Split) is { } error)
        {
            return error;
        }

        return TissuePerScan < 1 ? ValidationResult.Error("--tissue-per-scan must be at least 1")
            : Protocol == EvaluationProtocol.Seed ? ValidationResult.Error("--protocol seed: baselines need an honest split; use patient or cv")
            : Folds < 2 ? ValidationResult.Error("--folds must be at least 2")
            : ValidationResult.Success();
    }
}
