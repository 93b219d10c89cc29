namespace Mammo.Reporting.Experiments;

/// <summary>One drawn figure of an experiment: its file name in plots/, title, caption, the cell it belongs to (null: the whole experiment).</summary>
public sealed record ExperimentFigure(string File, string Title, string Caption, string? Cell, byte[] Png);
