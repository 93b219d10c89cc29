namespace Mammo.Learning.Inference;

/// <summary>
/// A classified region: its centre and radius in MIAS convention (origin bottom-left), the class
/// probabilities (mean over the variants scored), and the most probable class.
/// </summary>
public sealed record RegionPrediction(double X, double Y, double Radius, IReadOnlyList<string> Classes, IReadOnlyList<double> Probabilities, int Variants)
{
    public string Label => Classes[Enumerable.Range(0, Probabilities.Count).MaxBy(i => Probabilities[i])];
}
