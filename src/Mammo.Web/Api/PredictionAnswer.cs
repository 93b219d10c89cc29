using Mammo.Learning.Training;

namespace Mammo.Web.Api;

/// <summary>
/// A classified region, as <c>mammo predict --at --json</c> reports it: centre (MIAS y, and the image row), radius,
/// label, every class's probability, and the run's held-out standing to read it against.
/// </summary>
public sealed record PredictionAnswer(
    string Run,
    string Image,
    string Task,
    double X,
    double Y,
    double ImageRow,
    double Radius,
    string Label,
    IReadOnlyDictionary<string, double> Probabilities,
    int Variants,
    int Models,
    bool Leaky,
    HeldOutPerformance HeldOut,
    HeldOutAssignment? Scan);
