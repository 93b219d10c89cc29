namespace Mammo.Learning.Networks;

/// <summary>A network that <see cref="ModelRegistry"/> can build: its name and a one-line description.</summary>
public sealed record ModelDescription(string Name, string Description)
{
    /// <summary>Former names still accepted for it (<see cref="Runs.ModelNames.Aliases"/>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
