namespace Mammo.IntegrationTests;

/// <summary>A test against scikit-learn on the real archive: skipped, with the reason shown, when either is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScikitLearnFactAttribute : FactAttribute
{
    public ScikitLearnFactAttribute()
    {
        if (RealData.Path is null)
        {
            Skip = RealData.SkipReason;
        }
        else if (Mammo.Tests.TestSupport.ScikitLearnReference.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
