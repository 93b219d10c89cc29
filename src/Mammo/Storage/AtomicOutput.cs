namespace Mammo.Storage;

/// <summary>
/// Writes outputs under a temporary name and moves them into place only when complete, so a crash or
/// Ctrl+C never leaves a half-written file or folder that looks finished.
/// </summary>
public static class AtomicOutput
{
    /// <summary>Writes a file through <paramref name="write"/> to a temporary sibling, then renames it.</summary>
    public static void WriteFile(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static void WriteAllText(string path, string text) =>
        WriteFile(path, s =>
        {
            using var writer = new StreamWriter(s, new System.Text.UTF8Encoding(false));
            writer.Write(text);
        });

    /// <summary>
    /// Fills a temporary sibling folder through <paramref name="fill"/>, then moves it to <paramref name="path"/>.
    /// An existing folder is replaced only when <paramref name="overwrite"/> is set (and only once the new
    /// one is complete); otherwise it is an error, and nothing is touched.
    /// </summary>
    public static void WriteFolder(string path, bool overwrite, Action<string> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (File.Exists(full))
        {
            throw new IOException($"{path}: is a file, not a folder");
        }

        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !overwrite)
        {
            throw new IOException($"{path}: exists and is not empty (choose another folder, or pass --overwrite)");
        }

        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temporary);
        try
        {
            fill(temporary);
            if (Directory.Exists(full))
            {
                var old = temporary + ".old";
                Directory.Move(full, old);
                Directory.Move(temporary, full);
                Directory.Delete(old, recursive: true);
            }
            else
            {
                Directory.Move(temporary, full);
            }
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }
}
