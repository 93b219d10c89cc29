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
        RemoveAbandoned(Path.GetDirectoryName(full)!, Path.GetFileName(full) + ".tmp-");
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

    /// <summary>
    /// The same for a writer that takes a path rather than a stream (libtorch's <c>save</c>): it writes to a
    /// temporary sibling, which is renamed over <paramref name="path"/> once the writer returns.
    /// </summary>
    public static void WriteFileAt(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            write(temporary);
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
    /// Fills a temporary sibling folder through <paramref name="fill"/>, marks it as Mammo's <paramref name="kind"/>
    /// (<see cref="OutputMarker"/>), then moves it to <paramref name="path"/>. An existing non-empty folder is
    /// replaced only when <paramref name="overwrite"/> is set and its marker names the same kind, and only once the
    /// new one is complete; otherwise it is an error, and nothing is touched.
    /// </summary>
    /// <exception cref="OutputConflictException">The folder exists and may not be replaced.</exception>
    public static void WriteFolder(string path, bool overwrite, OutputKind kind, Action<string> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        OutputGuard.CheckReplaceable(full, overwrite, kind);

        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        RemoveAbandoned(parent, $".{Path.GetFileName(full)}.tmp-");
        var temporary = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temporary);
        try
        {
            fill(temporary);
            OutputMarker.Write(temporary, kind);
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

    /// <summary>
    /// Deletes what a killed writer left: temporaries named <c>PREFIX{pid}-{guid}</c> whose process no longer runs.
    /// A live writer's temporary, another process's included, is never touched.
    /// </summary>
    private static void RemoveAbandoned(string folder, string prefix)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, prefix + "*"))
        {
            var rest = Path.GetFileName(entry.AsSpan())[prefix.Length..];
            var dash = rest.IndexOf('-');
            if (dash <= 0 || !int.TryParse(rest[..dash], out var pid) || pid == Environment.ProcessId || IsRunning(pid))
            {
                continue;
            }

            try
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Someone else's leftover that we may not delete is left as it was.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
