using System.Diagnostics.CodeAnalysis;

namespace Mammo.Runs;

/// <summary>
/// Network names as run and experiment files record them (<see cref="RunConfig.Model"/>, <see cref="ExperimentPlan.Model"/>).
/// Which networks exist is the learning library's registry; the former names are kept here, beside the files, so
/// that a file reads back with today's name before anything compares or prints it.
/// </summary>
public static class ModelNames
{
    /// <summary>The original study's Keras CNN, Mammo's default network.</summary>
    public const string Keras = "keras";

    /// <summary>
    /// Former names, each with the name it now stands for. "seed" also named the leaky protocol and the original
    /// variant recipe, so the network took its origin's name; run folders, experiment files and scripts say "seed".
    /// </summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["seed"] = Keras };

    /// <summary>The name <paramref name="name"/> stands for today; any other name unchanged (an unknown one is the registry's to refuse).</summary>
    [return: NotNullIfNotNull(nameof(name))]
    public static string? Canonical(string? name) =>
        name is not null && Aliases.TryGetValue(name.Trim(), out var current) ? current : name;
}
