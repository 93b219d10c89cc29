namespace Mammo.Tests.Web;

/// <summary>
/// The real mini-MIAS archive for the viewer's tests: <c>MAMMO_DATA</c>, else <c>shared/mias/all-mias.tar.gz</c>
/// found walking up from the test's folder (as the integration tests find it). Null when absent.
/// </summary>
public static class RealMias
{
    public static string? Path { get; } = Find();

    public const string SkipReason = "the real mini-MIAS archive was not found: set MAMMO_DATA or place it at ../shared/mias/all-mias.tar.gz beside the repository";

    private static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("MAMMO_DATA");
        if (!string.IsNullOrWhiteSpace(fromEnvironment) && File.Exists(fromEnvironment))
        {
            return System.IO.Path.GetFullPath(fromEnvironment);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "mias", "all-mias.tar.gz");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
