namespace Mammo.Cli.Infrastructure;

/// <summary>
/// A comma-separated option of names (<c>--tasks calc,mass</c>): blanks and empty entries dropped, each name
/// once (in any case; a name and its former name are one entry), every one a name the option knows.
/// </summary>
public abstract class ListConverter<T> : OptionConverter<IReadOnlyList<T>>
{
    /// <summary>What one name stands for, e.g. "task".</summary>
    protected abstract string Item { get; }

    /// <summary>The names accepted, for the message.</summary>
    protected abstract IEnumerable<string> Names { get; }

    protected abstract bool TryItem(string name, out T item);

    protected override bool TryParse(string text, out IReadOnlyList<T> value, out string problem)
    {
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var items = new List<T>(names.Count);
        foreach (var name in names)
        {
            if (!TryItem(name, out var item))
            {
                value = [];
                problem = $"{OptionName}: '{name}' is not a {Item}; expected some of {string.Join(", ", Names)}";
                return false;
            }

            if (!items.Contains(item))
            {
                items.Add(item);
            }
        }

        value = items;
        problem = string.Empty;
        return true;
    }
}
