using Mammo.Sampling;
using Mammo.Storage;

namespace Mammo.Runs;

/// <summary>
/// An experiment grid (tasks × balancings × protocols) and the training options every cell shares; saved as the
/// experiment's <c>experiment.json</c>. The defaults are the original study redone beside the honest protocol,
/// sized to finish well within half an hour on a 2-core CPU (926 s measured; docs/results.md).
/// </summary>
public sealed record ExperimentPlan
{
    private readonly string _model = ModelNames.Keras;

    public IReadOnlyList<string> Tasks { get; init; } = ["calc", "mass", "all", "3class"];

    public IReadOnlyList<Balancing> Balancings { get; init; } = [Balancing.Class, Balancing.Full, Balancing.Weights];

    public IReadOnlyList<EvaluationProtocol> Protocols { get; init; } = [EvaluationProtocol.Leaky, EvaluationProtocol.Cv];

    /// <summary>The network's name; a former one (<see cref="ModelNames.Aliases"/>, in an older experiment.json) reads as today's.</summary>
    public string Model
    {
        get => _model;
        init => _model = ModelNames.Canonical(value);
    }

    /// <summary>Three folds, not <c>mammo train</c>'s five: half the cost of a cv cell, which keeps the default grid within half an hour.</summary>
    public int Folds { get; init; } = 3;

    public int Epochs { get; init; } = 8;

    public int Patience { get; init; } = 3;

    public int Seed { get; init; }

    public int Threads { get; init; }

    public bool Quick { get; init; }

    public string DataPath { get; init; } = string.Empty;

    public string DataChecksum { get; init; } = string.Empty;

    /// <summary>
    /// A first look in a few minutes: two groups, the original's class balancing, both protocols, 3 folds, 3 epochs.
    /// Its numbers say the pipeline works, not how good the network is.
    /// </summary>
    public static ExperimentPlan QuickPlan { get; } = new()
    {
        Tasks = ["calc", "mass"],
        Balancings = [Balancing.Class],
        Folds = 3,
        Epochs = 3,
        Patience = 3,
        Quick = true,
    };

    /// <summary>Every cell, task by task, then balancing, then protocol (so a group's cells finish together).</summary>
    public IReadOnlyList<ExperimentCell> Cells() =>
        [.. from task in Tasks from balancing in Balancings from protocol in Protocols select new ExperimentCell(task, balancing, protocol)];

    /// <summary>The cell named <paramref name="name"/> (e.g. <c>calc-cv-class</c>), or by its former name (<c>calc-seed-class</c>).</summary>
    /// <exception cref="InvalidSettingException">The plan has no such cell; the message lists those it has.</exception>
    public ExperimentCell Cell(string name)
    {
        var cells = Cells();
        return cells.FirstOrDefault(c => c.Name == name || c.FormerName == name)
            ?? throw new InvalidSettingException("cell", $"no cell '{name}' in this plan; its cells are {string.Join(", ", cells.Select(c => c.Name))}");
    }

    /// <summary>
    /// How this plan differs from <paramref name="existing"/> in which cells there are or what they learn, or null
    /// when it does not. Where the data lies and the thread count may differ (each machine of a cluster has its own);
    /// the data's checksum may not.
    /// </summary>
    public string? DifferenceFrom(ExperimentPlan existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        (string Name, string Existing, string Planned)[] fields =
        [
            ("tasks", string.Join(',', existing.Tasks), string.Join(',', Tasks)),
            ("balancings", Names(existing.Balancings), Names(Balancings)),
            ("protocols", Names(existing.Protocols), Names(Protocols)),
            ("model", existing.Model, Model),
            ("folds", Text(existing.Folds), Text(Folds)),
            ("epochs", Text(existing.Epochs), Text(Epochs)),
            ("patience", Text(existing.Patience), Text(Patience)),
            ("seed", Text(existing.Seed), Text(Seed)),
            ("data checksum", existing.DataChecksum, DataChecksum),
        ];
        return fields.FirstOrDefault(f => f.Existing != f.Planned) is { Name: not null } d
            ? $"{d.Name} {d.Existing}, not {d.Planned} as now asked"
            : null;
    }

    private static string Names<T>(IEnumerable<T> values)
        where T : struct, Enum => string.Join(',', values.Select(EnumNames.Of));

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The run configuration of one cell.</summary>
    public RunConfig ConfigFor(ExperimentCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return new RunConfig
        {
            Task = cell.Task,
            Model = Model,
            Balancing = cell.Balancing,
            Protocol = cell.Protocol,
            Folds = Folds,
            Seed = Seed,
            DataPath = DataPath,
            DataChecksum = DataChecksum,
            Training = new TrainingOptions { MaxEpochs = Epochs, Patience = Patience, Seed = Seed, Threads = Threads },
        };
    }
}
