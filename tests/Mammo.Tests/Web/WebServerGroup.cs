namespace Mammo.Tests.Web;

/// <summary>
/// The viewer's tests share one server over the real data and one tiny run trained on it. They run alone, after
/// the parallel tests: training reseeds torch's global generator, and the timings mean something only on idle cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WebServerGroup : ICollectionFixture<WebWorld>
{
    public const string Name = "Web server on the real data";
}
