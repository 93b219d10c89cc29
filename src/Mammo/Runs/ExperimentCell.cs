using Mammo.Sampling;
using Mammo.Storage;

namespace Mammo.Runs;

/// <summary>One cell of an experiment grid: a task trained with one balancing under one protocol.</summary>
public sealed record ExperimentCell(string Task, Balancing Balancing, EvaluationProtocol Protocol)
{
    /// <summary>The cell's run folder name, e.g. <c>calc-cv-class</c>.</summary>
    public string Name => NameWith(EnumNames.Of(Protocol));

    /// <summary>
    /// The name the cell had under its protocol's former name (<c>calc-seed-class</c> for <c>calc-leaky-class</c>),
    /// or null: experiments trained before the rename hold the cell's folder under it, and cluster scripts ask for it.
    /// </summary>
    public string? FormerName =>
        EnumNames.Aliases<EvaluationProtocol>().Where(a => a.Value == Protocol).Select(a => NameWith(a.Alias)).FirstOrDefault();

    private string NameWith(string protocol) => $"{Task}-{protocol}-{EnumNames.Of(Balancing)}";
}
