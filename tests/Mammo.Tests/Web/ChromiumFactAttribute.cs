namespace Mammo.Tests.Web;

/// <summary>A browser test: needs Debian's Chromium (never a downloaded browser build) and the real archive.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable))
        {
            Skip = $"needs {Executable} (Debian package chromium; ./run test installs it)";
        }
        else if (RealMias.Path is null)
        {
            Skip = RealMias.SkipReason;
        }
    }
}
