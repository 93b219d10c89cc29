namespace Mammo.Storage;

/// <summary>
/// An exclusive lock between processes: the lock file held open with <see cref="FileShare.None"/>, which .NET maps
/// to an OS lock (flock on Unix). The OS drops it when the process ends however it ends, so a killed holder never
/// leaves a stale lock behind. The file itself stays: deleting it could let a second process lock an unlinked file
/// while a third creates a new one.
/// </summary>
public sealed class FileLock : IDisposable
{
    private static readonly TimeSpan s_retry = TimeSpan.FromMilliseconds(50);

    private readonly FileStream _stream;

    private FileLock(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>Takes the lock, or returns null at once when another holder (this process included) has it.</summary>
    public static FileLock? TryAcquire(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        try
        {
            return new FileLock(full, new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(full))
        {
            // Held by someone else; any other failure (no such folder, no permission) is not a busy lock and propagates.
            return null;
        }
    }

    /// <summary>Takes the lock, waiting while another holder has it.</summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    public static FileLock Acquire(string path, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryAcquire(path) is { } held)
            {
                return held;
            }

            cancellationToken.WaitHandle.WaitOne(s_retry);
        }
    }

    public void Dispose() => _stream.Dispose();
}
