namespace Mammo.Tests.TestSupport;

/// <summary>A test against scikit-learn: skipped, with the reason shown, when the reference script or python3-sklearn is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScikitLearnFactAttribute : FactAttribute
{
    public ScikitLearnFactAttribute()
    {
        if (ScikitLearnReference.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
