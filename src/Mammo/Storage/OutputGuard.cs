namespace Mammo.Storage;

/// <summary>
/// The one rule every writer follows: nothing is written to, replaced or deleted at a path that is, contains or
/// lies inside an input; an existing output is replaced only when asked, and a folder only when Mammo wrote it
/// (<see cref="OutputMarker"/>). Paths are compared after <see cref="RealPath.Resolve"/>, so links, <c>..</c> and
/// trailing separators do not get round it. The command line and the web server check every output here first.
/// </summary>
public sealed class OutputGuard
{
    private readonly List<(InputPath Input, string Real)> _inputs;

    public OutputGuard(IEnumerable<InputPath> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        _inputs = [.. inputs.Select(i => (i, RealPath.Resolve(i.Path)))];
    }

    public OutputGuard(params string[] inputs)
        : this(inputs.Select(i => new InputPath(i)))
    {
    }

    /// <summary>An output guard that also protects <paramref name="input"/>.</summary>
    public OutputGuard With(InputPath input) => new([.. _inputs.Select(i => i.Input), input]);

    /// <summary>Checks that a file may be written at <paramref name="path"/>.</summary>
    /// <exception cref="OutputConflictException">It may not; the message says why.</exception>
    public void CheckFile(string path, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckInputs(path);
        if (Directory.Exists(path))
        {
            throw new OutputConflictException(path, OutputConflict.NotAFile);
        }

        if (File.Exists(path) && !overwrite)
        {
            throw new OutputConflictException(path, OutputConflict.Exists);
        }
    }

    /// <summary>
    /// Checks that a folder of <paramref name="kind"/> may be written at <paramref name="path"/>: it is new or empty,
    /// or (<paramref name="overwrite"/>) it carries Mammo's marker for the same kind.
    /// </summary>
    /// <exception cref="OutputConflictException">It may not; the message says why.</exception>
    public void CheckFolder(string path, bool overwrite, OutputKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckInputs(path);
        CheckReplaceable(path, overwrite, kind);
    }

    /// <summary>The same rule as <see cref="CheckFolder"/> without inputs: what a writer checks in any case.</summary>
    public static void CheckReplaceable(string path, bool overwrite, OutputKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path))
        {
            throw new OutputConflictException(path, OutputConflict.NotAFolder);
        }

        if (!Directory.Exists(path) || !Directory.EnumerateFileSystemEntries(path).Any())
        {
            return;
        }

        if (!overwrite)
        {
            throw new OutputConflictException(path, OutputConflict.Exists, kind: kind);
        }

        var marked = OutputMarker.Read(path);
        if (marked is null)
        {
            throw new OutputConflictException(path, OutputConflict.NotMammoOutput);
        }

        if (marked != kind)
        {
            throw new OutputConflictException(path, OutputConflict.OtherKind, kind: kind);
        }
    }

    /// <summary>Checks only that <paramref name="path"/> is not, does not contain and does not lie inside an input.</summary>
    /// <exception cref="OutputConflictException">It is, contains or lies inside one.</exception>
    public void CheckInputs(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var real = RealPath.Resolve(path);
        foreach (var (input, inputReal) in _inputs)
        {
            if (real == inputReal)
            {
                throw new OutputConflictException(path, OutputConflict.IsInput, input.Path);
            }

            if (RealPath.IsInside(inputReal, real))
            {
                throw new OutputConflictException(path, OutputConflict.ContainsInput, input.Path);
            }

            if (RealPath.IsInside(real, inputReal) && !input.OutputSlots.Any(s => RealPath.Resolve(Path.Combine(inputReal, s)) == real))
            {
                throw new OutputConflictException(path, OutputConflict.InsideInput, input.Path);
            }
        }
    }
}
