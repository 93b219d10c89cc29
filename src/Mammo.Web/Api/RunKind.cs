namespace Mammo.Web.Api;

/// <summary>What a listed folder under the runs folder is.</summary>
public enum RunKind
{
    /// <summary>A run folder (<c>mammo train</c>, or one cell of an experiment).</summary>
    Run,

    /// <summary>An experiment folder (<c>mammo experiment</c>), whose cells are listed as runs too.</summary>
    Experiment,
}
