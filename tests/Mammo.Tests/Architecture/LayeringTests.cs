using System.Reflection;

namespace Mammo.Tests.Architecture;

/// <summary>
/// Dependencies point one way, toward the domain. The run and experiment folders are read without libtorch, so
/// reporting (and a web front end) start without it; only the learning layer loads TorchSharp.
/// </summary>
public class LayeringTests
{
    private static IReadOnlyList<string> References(string assembly) =>
        [.. Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!)];

    [Fact]
    public void The_domain_references_neither_libtorch_nor_charts_nor_the_console()
    {
        var references = References("Mammo.Core");

        Assert.DoesNotContain(references, r => r.StartsWith("TorchSharp", StringComparison.Ordinal) || r.StartsWith("ScottPlot", StringComparison.Ordinal) || r.StartsWith("Spectre", StringComparison.Ordinal) || r.StartsWith("Mammo.", StringComparison.Ordinal));
    }

    [Fact]
    public void Reporting_reads_runs_without_the_learning_layer_or_libtorch()
    {
        var references = References("Mammo.Reporting");

        Assert.Contains("Mammo.Core", references);
        Assert.DoesNotContain(references, r => r is "Mammo.Learning" || r.StartsWith("TorchSharp", StringComparison.Ordinal) || r.StartsWith("Spectre", StringComparison.Ordinal));
    }

    [Fact]
    public void The_learning_layer_knows_nothing_of_charts_or_the_console()
    {
        var references = References("Mammo.Learning");

        Assert.Contains(references, r => r.StartsWith("TorchSharp", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("ScottPlot", StringComparison.Ordinal) || r.StartsWith("Spectre", StringComparison.Ordinal) || r is "Mammo.Reporting");
    }
}
