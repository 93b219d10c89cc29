using System.ComponentModel;
using Mammo.Cli.Infrastructure;
using Mammo.Learning.Experiments;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class ExperimentSettings : DataSettings
{
    [CommandOption("-o|--out <DIR>")]
    [Description("Experiment folder (default experiments/default, or experiments/quick with --quick). Rerun to resume.")]
    public string? Out { get; init; }

    [CommandOption("--quick")]
    [Description("A first look in minutes: calc and mass, class balancing, leaky and cv, 3 folds, 3 epochs.")]
    public bool Quick { get; init; }

    [CommandOption("--tasks <LIST>")]
    [Description("Tasks, comma-separated (default calc,mass,all,3class): any of mammo train --task.")]
    [TypeConverter(typeof(TaskListConverter))]
    public IReadOnlyList<string>? Tasks { get; init; }

    [CommandOption("--balancing <LIST>")]
    [Description("Balancings, comma-separated (default class,full,weights): class, full, none, weights.")]
    [TypeConverter(typeof(BalancingListConverter))]
    public IReadOnlyList<Balancing>? Balancings { get; init; }

    [CommandOption("--protocols <LIST>")]
    [Description("Protocols, comma-separated (default leaky,cv): leaky (the original study's, formerly 'seed'), cv, patient.")]
    [TypeConverter(typeof(ProtocolListConverter))]
    public IReadOnlyList<EvaluationProtocol>? Protocols { get; init; }

    [CommandOption("-m|--model <NAME>")]
    [Description("Network from the registry (mammo model list).")]
    public string? Model { get; init; }

    [CommandOption("--folds <K>")]
    [Description("Folds for cv cells (default 3).")]
    public int? Folds { get; init; }

    [CommandOption("-e|--epochs <N>")]
    [Description("Maximum epochs per model (default 8; 3 with --quick).")]
    public int? Epochs { get; init; }

    [CommandOption("--patience <N>")]
    [Description("Early stopping patience (default 3).")]
    public int? Patience { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Seed for every random choice of every cell.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--threads <N>")]
    [Description("libtorch CPU threads (0: one per core).")]
    [DefaultValue(0)]
    public int Threads { get; init; }

    [CommandOption("--jobs <N>")]
    [Description("Train N cells at once, in N processes sharing the folder (each with its share of the cores unless --threads says otherwise); their output goes to the folder's jobs/ logs.")]
    [DefaultValue(1)]
    public int Jobs { get; init; }

    [CommandOption("--no-plots")]
    [Description("Skip drawing the figures at the end (mammo report draws them anyway).")]
    public bool NoPlots { get; init; }

    [CommandOption("--list-cells")]
    [Description("Print the plan's cell ids, one a line, and exit (for a cluster's job array; docs/scaling.md).")]
    public bool ListCells { get; init; }

    [CommandOption("--cell <ID>")]
    [Description("Run only this cell of the plan into the shared folder (an id from --list-cells; docs/scaling.md).")]
    public string? Cell { get; init; }

    public string OutFolder => Out ?? Path.Combine("experiments", Quick ? "quick" : "default");

    /// <summary>
    /// The plan these options ask for: the default or quick plan with the given options over it. Without a data path
    /// and checksum it still names the cells, which depend on the grid alone.
    /// </summary>
    public ExperimentPlan Plan(string dataPath, string checksum)
    {
        var basis = Quick ? ExperimentPlan.QuickPlan : new ExperimentPlan();
        return basis with
        {
            Tasks = Tasks ?? basis.Tasks,
            Balancings = Balancings ?? basis.Balancings,
            Protocols = Protocols ?? basis.Protocols,
            Model = Model ?? basis.Model,
            Folds = Folds ?? basis.Folds,
            Epochs = Epochs ?? basis.Epochs,
            Patience = Patience ?? basis.Patience,
            Seed = Seed,
            Threads = Threads,
            DataPath = dataPath.Length == 0 ? string.Empty : Path.GetFullPath(dataPath),
            DataChecksum = checksum,
        };
    }

    public override ValidationResult Validate()
    {
        if (ListCells && Cell is not null)
        {
            return ValidationResult.Error("--list-cells and --cell: give one of them");
        }

        if (Jobs != 1 && (Cell is not null || ListCells))
        {
            return ValidationResult.Error("--jobs runs the whole grid in several processes; --cell and --list-cells are for one cell or none");
        }

        if (Jobs is < 1 or > 64)
        {
            return ValidationResult.Error("--jobs must lie between 1 and 64");
        }

        return Epochs < 1 ? ValidationResult.Error("--epochs must be at least 1")
            : Patience < 1 ? ValidationResult.Error("--patience must be at least 1")
            : Folds < 2 ? ValidationResult.Error("--folds must be at least 2")
            : ValidationResult.Success();
    }
}
