namespace Mammo.Runs;

/// <summary>What happened to a cell in this invocation.</summary>
public enum ExperimentCellStatus
{
    /// <summary>Trained now (from scratch or resumed).</summary>
    Trained,

    /// <summary>Already complete with the same configuration: not retrained.</summary>
    Skipped,

    /// <summary>The data cannot support the cell (e.g. a class left empty); the reason is kept and the grid goes on.</summary>
    Failed,

    /// <summary>Stopped by the user; a rerun resumes it.</summary>
    Interrupted,

    /// <summary>Another process holds the cell's lock (it is training the cell there): left to it, not touched.</summary>
    Locked,
}
