namespace Mammo.Tests.Imaging.Dicom;

/// <summary>A theory that needs reference tools: skipped, with the reason shown, when one is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReferenceToolTheoryAttribute : TheoryAttribute
{
    public ReferenceToolTheoryAttribute(params ReferenceTool[] tools)
    {
        Tools = tools;
        var missing = tools.Where(t => !ReferenceTools.IsAvailable(t)).ToList();
        if (missing.Count > 0)
        {
            Skip = string.Join("; ", missing.Select(ReferenceTools.SkipReason));
        }
    }

    public IReadOnlyList<ReferenceTool> Tools { get; }
}
