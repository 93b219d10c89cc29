namespace Mammo.Storage;

/// <summary>
/// A path with every symbolic link resolved, <c>..</c> and trailing separators removed, so that two spellings of
/// one place compare equal. The part that does not exist yet is kept as written.
/// </summary>
public static class RealPath
{
    private const int MaximumLinks = 40;

    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ResolveFrom(Path.GetFullPath(path), 0);
    }

    /// <summary>True when <paramref name="path"/> lies strictly inside <paramref name="folder"/> (both resolved).</summary>
    public static bool IsInside(string path, string folder)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(folder);
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.Length > prefix.Length && path.StartsWith(prefix, StringComparison.Ordinal);
    }

    private static string ResolveFrom(string full, int links)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (links >= MaximumLinks)
                {
                    throw new IOException($"{full}: too many levels of symbolic links");
                }

                var rest = string.Join(Path.DirectorySeparatorChar, parts[(i + 1)..]);
                return ResolveFrom(Path.GetFullPath(Path.Combine(Path.GetFullPath(target, current), rest)), links + 1);
            }

            current = next;
        }

        return Path.TrimEndingDirectorySeparator(current.Length == 0 ? root : current);
    }
}
