using Mammo.Storage;

namespace Mammo.Cli.Infrastructure;

/// <summary>
/// An option that takes one name of an enum (<see cref="EnumNames"/>): its members' names and their former names
/// (<c>--protocol seed</c> still means leaky), not their numbers, which Spectre's own enum parsing would take.
/// </summary>
public abstract class EnumOptionConverter<T> : OptionConverter<T>
    where T : struct, Enum
{
    /// <summary>What one name stands for, e.g. "protocol".</summary>
    protected abstract string Item { get; }

    protected override bool TryParse(string text, out T value, out string problem)
    {
        if (EnumNames.TryParse(text, out value))
        {
            problem = string.Empty;
            return true;
        }

        problem = $"{OptionName}: '{text}' is not a {Item}; expected one of {string.Join(", ", EnumNames.All<T>())}";
        return false;
    }
}
