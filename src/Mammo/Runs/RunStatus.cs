namespace Mammo.Runs;

/// <summary>Where a run folder stands. Only a <see cref="Complete"/> run has metrics to evaluate.</summary>
public enum RunStatus
{
    Training,
    Interrupted,
    Complete,
}
