using System.Diagnostics;

namespace Mammo.Tests.TestSupport;

/// <summary>
/// The scikit-learn reference script beside the repository (<c>shared/reference/baselines_sklearn.py</c>, found by
/// walking up from the test's folder) and Debian's python3-sklearn that runs it. <see cref="SkipReason"/> says
/// what is missing, or is null.
/// </summary>
public static class ScikitLearnReference
{
    public const string Python = "/usr/bin/python3";

    public static string? Script { get; } = Find();

    public static string? SkipReason { get; } = Check();

    /// <summary>Runs the script with <paramref name="arguments"/> and returns what it printed; a failure fails the test.</summary>
    public static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script!);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{Script} failed ({process.ExitCode}): {errors}");
        return output.Result;
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", "baselines_sklearn.py");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? Check()
    {
        if (Script is null)
        {
            return "the scikit-learn reference shared/reference/baselines_sklearn.py was not found beside the repository";
        }

        if (!File.Exists(Python))
        {
            return $"{Python} is absent: install Debian's python3-sklearn (apt-get install -y python3-sklearn)";
        }

        using var process = Process.Start(new ProcessStartInfo(Python, ["-c", "import sklearn"]) { RedirectStandardError = true })!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"scikit-learn cannot be imported by {Python}: install Debian's python3-sklearn (apt-get install -y python3-sklearn)";
    }
}
