namespace Mammo.Reporting.Figures;

/// <summary>One layer of a stacked bar chart: a value per category, drawn in one colour ("#RRGGBB").</summary>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values, string ColorHex);
