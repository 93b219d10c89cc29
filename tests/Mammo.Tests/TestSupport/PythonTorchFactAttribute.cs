using System.Diagnostics;

namespace Mammo.Tests.TestSupport;

/// <summary>A test that needs Debian's python3-torch (installed by ./run): skipped, with the reason shown, when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PythonTorchFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> s_missing = new(Probe);

    public PythonTorchFactAttribute()
    {
        if (s_missing.Value is { } reason)
        {
            Skip = reason;
        }
    }

    private static string? Probe()
    {
        if (!File.Exists(PythonOnnxFactAttribute.Python))
        {
            return $"{PythonOnnxFactAttribute.Python} is absent (Debian's python3-torch is needed; ./run installs it)";
        }

        using var process = Process.Start(new ProcessStartInfo(PythonOnnxFactAttribute.Python, ["-c", "import torch"]) { RedirectStandardError = true })!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : "python3 cannot import torch (Debian's python3-torch is needed; ./run installs it)";
    }
}
