using Mammo.Runs;

namespace Mammo.Learning.Experiments;

/// <summary>One cell's outcome: its status, a sentence on why, and how long training took (this time or when it ran).</summary>
public sealed record ExperimentCellResult(ExperimentCell Cell, ExperimentCellStatus Status, string Detail, double? Seconds);
