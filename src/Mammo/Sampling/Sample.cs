using Mammo.Data;
using Mammo.Imaging;

namespace Mammo.Sampling;

/// <summary>
/// One labelled unit of splitting and balancing: a lesion, or a normal scan's region. Its augmented copies
/// belong to it and always go where it goes.
/// </summary>
/// <param name="Label">The class index in the task's <see cref="ClassificationTask.ClassNames"/>.</param>
public sealed record Sample(PatchOrigin Origin, int Label)
{
    public string Id => Origin.Id;

    public Patient Patient => Origin.Patient;
}
