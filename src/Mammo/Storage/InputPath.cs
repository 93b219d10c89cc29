namespace Mammo.Storage;

/// <summary>
/// Something a command reads and so must never write to: a data folder or archive, an image, a run or experiment
/// folder. <paramref name="OutputSlots"/> are the paths inside it (relative) where Mammo itself puts derived
/// outputs, e.g. a run's <c>localisation</c> folder or an experiment's <c>report.html</c>; nothing else inside it
/// may be written.
/// </summary>
public sealed record InputPath(string Path, IReadOnlyList<string> OutputSlots)
{
    public InputPath(string path)
        : this(path, [])
    {
    }
}
