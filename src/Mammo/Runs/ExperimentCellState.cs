namespace Mammo.Runs;

/// <summary>Where a cell of an experiment stands, as its summary row states it.</summary>
public enum ExperimentCellState
{
    /// <summary>Its run is complete and its metrics are there.</summary>
    Complete,

    /// <summary>Its last attempt failed; the row's detail says why.</summary>
    Failed,

    /// <summary>Stopped by the user; it resumes on the next run of the experiment.</summary>
    Interrupted,

    /// <summary>Not trained yet.</summary>
    NotRun,
}
