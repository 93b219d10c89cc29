using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Mammo.Tests.TestSupport;

/// <summary>
/// Runs <c>mammo</c> as its own process (the build copies mammo.dll beside the tests), for what only a process
/// shows: signals, a killed writer, its peak memory.
/// </summary>
public static class MammoProcess
{
    public const int SigInt = 2;

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "mammo.dll");

    /// <summary>Starts <c>dotnet mammo.dll ARGS</c>, optionally under another program (e.g. /usr/bin/time).</summary>
    public static Process Start(IEnumerable<string> args, string? wrapper = null, IEnumerable<string>? wrapperArgs = null)
    {
        // A test host started in the background (`cmd &` without job control) ignores SIGINT, and an ignored signal
        // stays ignored across exec, so mammo could not be interrupted. Python restores the default first.
        IEnumerable<string> restore = SigIntIgnored ? ["-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])"] : [];
        var info = new ProcessStartInfo(SigIntIgnored ? "python3" : wrapper ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in restore)
        {
            info.ArgumentList.Add(arg);
        }

        if (SigIntIgnored)
        {
            info.ArgumentList.Add(wrapper ?? "dotnet");
        }

        foreach (var arg in wrapperArgs ?? [])
        {
            info.ArgumentList.Add(arg);
        }

        if (wrapper is not null)
        {
            info.ArgumentList.Add("dotnet");
        }

        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Waits for the process (at most <paramref name="timeout"/>) and returns its exit code and output.</summary>
    public static (int ExitCode, string Output, string Errors) Finish(Process process, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(process);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"mammo did not finish within {timeout}");
        }

        return (process.ExitCode, output.Result, errors.Result);
    }

    /// <summary>Whether this process ignores SIGINT (bit 2 of /proc/self/status's SigIgn mask), as its children would.</summary>
    public static bool SigIntIgnored { get; } = ReadSigIntIgnored();

    private static bool ReadSigIntIgnored()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) : null;
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (SigInt - 1))) != 0;
    }

    /// <summary>Sends a POSIX signal (SIGINT is what Ctrl+C sends).</summary>
    public static void Signal(Process process, int signal)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (Kill(process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
