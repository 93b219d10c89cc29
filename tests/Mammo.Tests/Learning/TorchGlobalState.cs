namespace Mammo.Tests.Learning;

/// <summary>
/// Torch keeps process-wide state: the default random generator (drawn on by every layer's default initialisation,
/// by dropout, and reseeded by <c>torch.manual_seed</c>) and the thread count. Tests in this collection run alone,
/// after the parallel ones, so they neither disturb nor are disturbed by tests that rely on that state being
/// reproducible (e.g. training runs that seed dropout with <c>torch.manual_seed</c>).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchGlobalState
{
    public const string Name = "Torch global state";
}
