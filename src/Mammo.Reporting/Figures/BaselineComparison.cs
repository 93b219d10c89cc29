namespace Mammo.Reporting.Figures;

/// <summary>A cell's network and its baselines, scored on the same test parts: the network first.</summary>
public sealed record BaselineComparison(string Cell, IReadOnlyList<ModelAuc> Models);
