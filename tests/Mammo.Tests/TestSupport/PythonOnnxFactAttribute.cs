using System.Diagnostics;

namespace Mammo.Tests.TestSupport;

/// <summary>A test that needs Debian's python3-onnx (installed by ./run): skipped, with the reason shown, when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PythonOnnxFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> s_missing = new(Probe);

    public PythonOnnxFactAttribute()
    {
        if (s_missing.Value is { } reason)
        {
            Skip = reason;
        }
    }

    private static string? Probe()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} is absent (Debian's python3-onnx is needed; ./run installs it)";
        }

        using var process = Process.Start(new ProcessStartInfo(Python, ["-c", "import onnx"]) { RedirectStandardError = true })!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : "python3 cannot import onnx (Debian's python3-onnx is needed; ./run installs it)";
    }
}
