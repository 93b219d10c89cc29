using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Mammo.Cli.Infrastructure;

/// <summary>
/// The extra <c>mammo experiment</c> processes of <c>--jobs N</c>: the same command line in N − 1 more processes, each
/// with its share of the cores (<c>--threads</c>) and without figures, on the same folder. The cell locks that let a
/// cluster's tasks share a folder spread the cells over them: each process walks the plan in order and trains the
/// next cell no other process holds. Processes rather than threads, because libtorch's random state and thread
/// count are process-wide: in one process, concurrent cells would draw each other's dropout masks.
/// </summary>
public sealed class ExperimentJobs : IDisposable
{
    private readonly List<(Process Process, string Log, StreamWriter Writer)> _jobs = [];

    private ExperimentJobs()
    {
    }

    /// <summary>The thread count each of <paramref name="jobs"/> processes gets unless told: the cores shared out, at least one.</summary>
    public static int ThreadsPerJob(int jobs, int threads) => threads > 0 ? threads : Math.Max(1, Environment.ProcessorCount / jobs);

    /// <summary>Starts <paramref name="extra"/> processes of this command line with <c>--threads</c> <paramref name="threads"/>; their output goes to <paramref name="logFolder"/>.</summary>
    /// <exception cref="InvalidSettingException">This process is not the mammo command line (it cannot start copies of itself).</exception>
    public static ExperimentJobs Start(int extra, int threads, string logFolder)
    {
        var entry = Assembly.GetEntryAssembly();
        if (entry?.GetName().Name != "mammo" || Environment.ProcessPath is not { } host)
        {
            throw new InvalidSettingException("jobs", "--jobs starts more mammo processes, so it needs mammo itself as the running program");
        }

        var arguments = ChildArguments(Environment.GetCommandLineArgs().Skip(1).ToList(), threads);
        Directory.CreateDirectory(logFolder);
        var jobs = new ExperimentJobs();
        try
        {
            for (var j = 1; j <= extra; j++)
            {
                var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                if (Path.GetFileNameWithoutExtension(host) == "dotnet")
                {
                    start.ArgumentList.Add(entry.Location);
                }

                foreach (var argument in arguments)
                {
                    start.ArgumentList.Add(argument);
                }

                var log = Path.Combine(logFolder, string.Create(CultureInfo.InvariantCulture, $"job-{j}.log"));
                var writer = new StreamWriter(log, append: false) { AutoFlush = true };
                var process = new Process { StartInfo = start };
                process.OutputDataReceived += (_, e) => Write(writer, e.Data);
                process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
                process.Start();
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                jobs._jobs.Add((process, log, writer));
            }
        }
        catch
        {
            jobs.Dispose();
            throw;
        }

        return jobs;
    }

    /// <summary>The command line without <c>--jobs</c>, <c>--threads</c> and figures, plus the job's thread count.</summary>
    public static IReadOnlyList<string> ChildArguments(IReadOnlyList<string> arguments, int threads)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var kept = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument is "--jobs" or "--threads")
            {
                i++;
            }
            else if (!argument.StartsWith("--jobs=", StringComparison.Ordinal) && !argument.StartsWith("--threads=", StringComparison.Ordinal) && argument != "--no-plots")
            {
                kept.Add(argument);
            }
        }

        return [.. kept, "--threads", threads.ToString(CultureInfo.InvariantCulture), "--no-plots"];
    }

    /// <summary>Waits for every job; the ones that failed, with their exit code and log.</summary>
    public IReadOnlyList<string> WaitAll(CancellationToken cancellationToken)
    {
        // Ctrl+C reaches the jobs too when they share the terminal; a signal to this process alone stops them here.
        using var stop = cancellationToken.Register(() => _jobs.ForEach(j => Kill(j.Process)));
        var failures = new List<string>();
        foreach (var (process, log, _) in _jobs)
        {
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"job {_jobs.FindIndex(j => j.Process == process) + 1} exited with code {process.ExitCode} (its output: {log})"));
            }
        }

        return failures;
    }

    public void Dispose()
    {
        foreach (var (process, _, writer) in _jobs)
        {
            if (!process.HasExited)
            {
                Kill(process);
                process.WaitForExit();
            }

            process.Dispose();
            lock (writer)
            {
                writer.Dispose();
            }
        }
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (writer)
        {
            writer.WriteLine(line);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
