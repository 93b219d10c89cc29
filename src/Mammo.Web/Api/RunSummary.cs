using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;

namespace Mammo.Web.Api;

/// <summary>
/// A run or experiment in the listing. <see cref="Name"/> is its path under the runs folder with '/' between parts;
/// only names from this listing are served. Metrics are null where the run has none yet (or is an experiment).
/// </summary>
public sealed record RunSummary(
    string Name,
    RunKind Kind,
    string? Experiment,
    string? Task,
    EvaluationProtocol? Protocol,
    Balancing? Balancing,
    string? Model,
    RunStatus? Status,
    bool Complete,
    HeldOutPerformance? HeldOut);
