using System.Globalization;
using Mammo.Sampling;
using Spectre.Console;

namespace Mammo.Cli.Infrastructure;

/// <summary>
/// The --task and --split values that <c>train</c> and <c>baselines</c> share, checked and read in one place so
/// that both make the same split from the same words.
/// </summary>
public static class SplitOptions
{
    /// <summary>An error for an unknown task or a split that is not three non-negative fractions adding up to 1; null when both are fine.</summary>
    public static ValidationResult? Check(string task, string split)
    {
        ArgumentNullException.ThrowIfNull(split);
        if (!ClassificationTask.TryParse(task, out _))
        {
            return ValidationResult.Error($"--task '{task}': expected one of {string.Join(", ", ClassificationTask.All.Select(t => t.Name))}");
        }

        var parts = split.Split(',');
        var values = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
        return values.Length != 3 || values.Any(v => !(v >= 0)) || Math.Abs(values.Sum() - 1) > 1e-6
            ? ValidationResult.Error($"--split '{split}': expected three non-negative fractions that add up to 1, e.g. 0.6,0.2,0.2")
            : null;
    }

    /// <summary>The train, validation and test fractions of a split that <see cref="Check"/> accepted.</summary>
    public static (double Train, double Validation, double Test) Fractions(string split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var parts = split.Split(',').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[2]);
    }
}
