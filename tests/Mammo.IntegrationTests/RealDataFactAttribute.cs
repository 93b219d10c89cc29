namespace Mammo.IntegrationTests;

/// <summary>A test on the real archive: skipped, with the reason shown, when the archive is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        if (RealData.Path is null)
        {
            Skip = RealData.SkipReason;
        }
    }
}
