using System.Reflection;
using System.Text.Json;

namespace Mammo.Storage;

/// <summary>
/// Enum values as Mammo spells them: written as the member's name in snake_case (as <see cref="Json.Options"/>
/// writes every enum), read from that name in any case or from a former one (<see cref="EnumAliasAttribute"/>).
/// </summary>
public static class EnumNames
{
    /// <summary>The name <paramref name="value"/> is written with, e.g. <c>leaky</c>.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>The names written, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Table<T>.Names;

    /// <summary>The former names still read, each with the value it now stands for.</summary>
    public static IReadOnlyList<(string Alias, T Value)> Aliases<T>()
        where T : struct, Enum => Table<T>.Aliases;

    /// <summary>True when some member of <paramref name="type"/> has a former name.</summary>
    public static bool HasAliases(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.IsEnum && type.GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => f.IsDefined(typeof(EnumAliasAttribute)));
    }

    /// <summary>
    /// The value named <paramref name="text"/> (its written name, the member's name or a former name, in any case).
    /// Numbers are not names: <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would take "7".
    /// </summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        return text is not null && Table<T>.ByName.TryGetValue(text.Trim(), out value);
    }

    // Built once per enum: reflection on every option and JSON value would be wasted work.
    private static class Table<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> Names = [.. Enum.GetValues<T>().Select(Of)];

        public static readonly IReadOnlyList<(string Alias, T Value)> Aliases =
            [.. typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
                .SelectMany(f => f.GetCustomAttributes<EnumAliasAttribute>().Select(a => (a.Alias, (T)f.GetValue(null)!)))];

        public static readonly Dictionary<string, T> ByName = Build();

        private static Dictionary<string, T> Build()
        {
            var names = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
            foreach (var value in Enum.GetValues<T>())
            {
                names[value.ToString()] = value;
                names[Of(value)] = value;
            }

            foreach (var (alias, value) in Aliases)
            {
                // An alias that became another member's name would silently change what old files mean.
                if (!names.TryAdd(alias, value) && !EqualityComparer<T>.Default.Equals(names[alias], value))
                {
                    throw new InvalidOperationException($"{typeof(T).Name}: alias '{alias}' is also the name of {names[alias]}");
                }
            }

            return names;
        }
    }
}
