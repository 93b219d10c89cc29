namespace Mammo.Tests.TestSupport;

/// <summary>A fact that needs programs on this machine; skipped, with the package to install, when one is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ToolFactAttribute : FactAttribute
{
    /// <param name="program">The program's full path, e.g. /usr/bin/time.</param>
    /// <param name="package">The Debian package that installs it.</param>
    public ToolFactAttribute(string program, string package)
    {
        if (!File.Exists(program))
        {
            Skip = $"needs {program} (Debian package {package}; ./run test installs it)";
        }
    }
}
