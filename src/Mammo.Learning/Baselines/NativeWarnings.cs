using System.Runtime.InteropServices;

namespace Mammo.Learning.Baselines;

/// <summary>
/// libtorch prints "Optimizer::parameters() will be removed" to the process's stderr each time TorchSharp builds an
/// L-BFGS optimiser (its constructor reads the parameters back through that deprecated call), and offers no way to
/// turn that warning off. The few microseconds of construction run with file descriptor 2 pointed at /dev/null,
/// so a run's display is not interleaved with a warning meant for libtorch's own developers.
/// </summary>
internal static class NativeWarnings
{
    private static readonly Lock s_lock = new();

    public static T Silenced<T>(Func<T> action)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            return action();
        }

        lock (s_lock)
        {
            Console.Error.Flush();
            var saved = Dup(2);
            var devNull = saved < 0 ? -1 : Open("/dev/null\0"u8.ToArray(), 1);
            // Anything failing here only means the warning is printed: never worth failing the fit for.
            var redirected = devNull >= 0 && Dup2(devNull, 2) >= 0;
            _ = devNull >= 0 ? Close(devNull) : 0;
            try
            {
                return action();
            }
            finally
            {
                _ = redirected ? Dup2(saved, 2) : 0;
                _ = saved >= 0 ? Close(saved) : 0;
            }
        }
    }

    [DllImport("libc", EntryPoint = "dup")]
    private static extern int Dup(int fd);

    [DllImport("libc", EntryPoint = "dup2")]
    private static extern int Dup2(int fd, int target);

    // The path as NUL-terminated bytes: no string marshalling needed.
    [DllImport("libc", EntryPoint = "open")]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
