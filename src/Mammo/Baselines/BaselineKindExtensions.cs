namespace Mammo.Baselines;

public static class BaselineKindExtensions
{
    /// <summary>The name in files and on screen: prevalence, radius, metadata, features.</summary>
    public static string Code(this BaselineKind kind) => kind switch
    {
        BaselineKind.Prevalence => "prevalence",
        BaselineKind.Radius => "radius",
        BaselineKind.Metadata => "metadata",
        BaselineKind.Features => "features",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string code, out BaselineKind kind)
    {
        foreach (var k in Enum.GetValues<BaselineKind>())
        {
            if (string.Equals(k.Code(), code, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
