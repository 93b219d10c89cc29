using Google.Protobuf;
using Mammo.Data;
using Mammo.Learning.Networks;
using Mammo.Onnx;
using Mammo.Tests.Learning;
using static TorchSharp.torch;

namespace Mammo.Tests.Onnx;

/// <summary>The hand-written ONNX graphs, run by ONNX Runtime, against the TorchSharp networks they translate.</summary>
[Collection(TorchGlobalState.Name)]
public sealed class OnnxGraphWriterTests
{
    private static readonly Dictionary<string, string> s_metadata = new() { [OnnxMetadata.Producer] = OnnxMetadata.ProducerValue, [OnnxMetadata.Classes] = "a,b" };

    public static TheoryData<string, int> Networks()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in ModelRegistry.Names)
        {
            data.Add(name, 2);
            data.Add(name, 3);
        }

        return data;
    }

    private static Dictionary<string, string> Metadata(int classes) =>
        new(s_metadata) { [OnnxMetadata.Classes] = string.Join(",", Enumerable.Range(0, classes).Select(c => $"class{c}")) };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_registry_network_gives_libtorchs_probabilities_within_1e_5(string name, int classes)
    {
        using var network = OnnxFixtures.Network(name, classes, seed: 7);
        var patches = OnnxFixtures.Patches(40, seed: 5);
        var expected = OnnxFixtures.TorchMean([network], patches);

        var model = OnnxGraphWriter.Write([network], OnnxFixtures.Size, Metadata(classes));
        using var classifier = OnnxPatchClassifier.Load(model.ToByteArray());
        var actual = classifier.Predict(patches);

        Assert.True(OnnxFixtures.MaxDifference(expected, actual) < 1e-5, $"max difference {OnnxFixtures.MaxDifference(expected, actual):E2}");
        Assert.All(actual, row => Assert.Equal(1.0, row.Sum(), 5));
        // Random weights still separate inputs: the comparison is not between two constant outputs.
        var spread = actual.Max(r => r[0]) - actual.Min(r => r[0]);
        Assert.True(spread > 1e-3, $"probabilities spread only {spread:E2}");
    }

    [Theory]
    [InlineData("keras")]
    [InlineData("batchnorm")]
    public void Two_folds_become_one_graph_averaging_their_probabilities(string name)
    {
        using var fold0 = OnnxFixtures.Network(name, 2, seed: 1);
        using var fold1 = OnnxFixtures.Network(name, 2, seed: 2);
        var patches = OnnxFixtures.Patches(24, seed: 9);
        var expected = OnnxFixtures.TorchMean([fold0, fold1], patches);

        var model = OnnxGraphWriter.Write([fold0, fold1], OnnxFixtures.Size, Metadata(2));
        using var classifier = OnnxPatchClassifier.Load(model.ToByteArray());
        var actual = classifier.Predict(patches);

        Assert.True(OnnxFixtures.MaxDifference(expected, actual) < 1e-5, $"max difference {OnnxFixtures.MaxDifference(expected, actual):E2}");
        // The folds really differ, so an average of one fold with itself would fail the comparison.
        var single = OnnxFixtures.TorchMean([fold0], patches);
        Assert.True(OnnxFixtures.MaxDifference(single, actual) > 1e-4);
        var initialisers = model.Graph.Initializer.Select(i => i.Name).ToList();
        Assert.Equal(initialisers.Count, initialisers.Distinct().Count());
        Assert.Contains("fold0/conv1.weight", initialisers);
        Assert.Contains("fold1/conv1.weight", initialisers);
        Assert.Equal("Mean", model.Graph.Node.Single(n => n.Output.Contains(OnnxGraphWriter.OutputName)).OpType);
    }

    [Fact]
    public void The_graph_declares_its_versions_its_named_input_and_output_and_its_metadata()
    {
        using var network = OnnxFixtures.Network("keras", 2, seed: 3);
        var model = OnnxGraphWriter.Write([network], OnnxFixtures.Size, Metadata(2));

        Assert.Equal(8, model.IrVersion);
        Assert.Equal(17, model.OpsetImport.Single().Version);
        var input = model.Graph.Input.Single();
        Assert.Equal("input", input.Name);
        Assert.Equal(["N", "1", "48", "48"], input.Type.TensorType.Shape.Dim.Select(d => d.DimParam.Length > 0 ? d.DimParam : d.DimValue.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("probabilities", model.Graph.Output.Single().Name);
        Assert.Equal("class0,class1", model.MetadataProps.Single(p => p.Key == "classes").Value);
        // The seed network's per-pixel dense layer is a 1×1 convolution, and no dropout survives into inference.
        var dense = model.Graph.Initializer.Single(i => i.Name == "dense.weight");
        Assert.Equal([64L, 64, 1, 1], dense.Dims);
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType == "Dropout");
        Assert.Equal(72_706, model.Graph.Initializer.Where(i => i.Name != "intensity_scale").Sum(i => i.FloatData.Count));
    }

    [Fact]
    public void The_graph_divides_grey_levels_by_255_itself()
    {
        using var network = OnnxFixtures.Network("keras", 2, seed: 4);
        var patch = OnnxFixtures.Patches(3, seed: 1)[2];
        var model = OnnxGraphWriter.Write([network], OnnxFixtures.Size, Metadata(2));
        using var classifier = OnnxPatchClassifier.Load(model.ToByteArray());

        // libtorch on the patch scaled to 0..1, as training fed it, equals the graph fed raw grey levels.
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = tensor(patch.Select(p => p / 255f).ToArray(), [1, 1, 48, 48]);
        var expected = nn.functional.softmax(network.call(x), 1).data<float>().ToArray();
        var actual = classifier.Predict([patch])[0];

        Assert.Equal(expected[0], actual[0], 5);
        Assert.Equal(expected[1], actual[1], 5);
    }

    [Fact]
    public void A_network_the_writer_does_not_know_is_refused_with_one_line()
    {
        using var other = nn.Sequential(("flatten", nn.Flatten()), ("linear", nn.Linear(48 * 48, 2)));

        var e = Assert.Throws<MammoDataException>(() => OnnxGraphWriter.Write([other], OnnxFixtures.Size, Metadata(2)));

        Assert.Contains("the ONNX exporter knows only keras, batchnorm", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
