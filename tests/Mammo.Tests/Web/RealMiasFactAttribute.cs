namespace Mammo.Tests.Web;

/// <summary>A viewer test on the real archive: skipped, with the reason shown, when the archive is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealMiasFactAttribute : FactAttribute
{
    public RealMiasFactAttribute()
    {
        if (RealMias.Path is null)
        {
            Skip = RealMias.SkipReason;
        }
    }
}
