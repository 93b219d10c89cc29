using System.ComponentModel;
using Mammo.Runs;
using Mammo.Sampling;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Infrastructure;

/// <summary>
/// The options that decide the samples and their split, shared by <c>train</c> and <c>baselines</c> so that the
/// same words give both the same split; checked here, once.
/// </summary>
public abstract class SplitSettings : DataSettings
{
    // null! here and below: Spectre sets every option, from [DefaultValue] when it is not given; the attribute is the one statement of the default.
    [CommandOption("-t|--task <TASK>")]
    [Description("calc, mass, arch, asym, all (benign vs malignant within the group), 3class (normal/benign/malignant), normal-abnormal, detect (lesion vs breast tissue away from lesions on every scan: the heat map's model).")]
    [DefaultValue("calc")]
    public string Task { get; init; } = null!;

    [CommandOption("-p|--protocol <PROTOCOL>")]
    [Description("patient (split by patient: train/validation/test), cv (patient-grouped k-fold), leaky (the original study's protocol, formerly 'seed'; train only), official (the dataset's own train/test split: CBIS-DDSM's, a manifest's split column).")]
    [DefaultValue("patient")]
    [TypeConverter(typeof(ProtocolConverter))]
    public EvaluationProtocol Protocol { get; init; }

    [CommandOption("--folds <K>")]
    [Description("Folds for --protocol cv.")]
    [DefaultValue(5)]
    public int Folds { get; init; }

    [CommandOption("--split <TRAIN,VALIDATION,TEST>")]
    [Description("Fractions for --protocol patient (cv and official: train and validation share the same ratio).")]
    [DefaultValue(SplitFractions.DefaultText)]
    [TypeConverter(typeof(SplitConverter))]
    public SplitFractions Split { get; init; }

    [CommandOption("--tissue-per-scan <N>")]
    [Description("detect only: negatives drawn across the breast of every scan, away from every lesion (the same value gives train and baselines the same samples).")]
    [DefaultValue(4)]
    public int TissuePerScan { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Seed for every random choice: the split, and train's balancing, weights, dropout and batch order, or the baselines' bootstrap.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    public override ValidationResult Validate()
    {
        if (!ClassificationTask.TryParse(Task, out _))
        {
            return ValidationResult.Error($"--task '{Task}': expected one of {string.Join(", ", ClassificationTask.All.Select(t => t.Name))}");
        }

        return Folds < 2 ? ValidationResult.Error("--folds must be at least 2")
            : TissuePerScan < 1 ? ValidationResult.Error("--tissue-per-scan must be at least 1")
            : ValidationResult.Success();
    }
}
