using Google.Protobuf;
using Mammo.Data;
using Mammo.Onnx;
using Mammo.Tests.Learning;
using Mammo.Tests.TestSupport;
using Onnx;

namespace Mammo.Tests.Onnx;

/// <summary>What the ONNX Runtime classifier refuses: files that are not models, and models that are not Mammo's.</summary>
[Collection(TorchGlobalState.Name)]
public sealed class OnnxPatchClassifierTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static byte[] Exported()
    {
        using var network = OnnxFixtures.Network("keras", 2, seed: 1);
        return OnnxGraphWriter.Write([network], OnnxFixtures.Size, new Dictionary<string, string>
        {
            [OnnxMetadata.Producer] = OnnxMetadata.ProducerValue,
            [OnnxMetadata.Classes] = "benign,malignant",
        }).ToByteArray();
    }

    // A valid ONNX model that ONNX Runtime runs, but not Mammo's: Identity on [N, 3], optionally claiming to be Mammo's.
    private static byte[] Foreign(bool claimsMammo)
    {
        var graph = new GraphProto { Name = "identity" };
        graph.Node.Add(new NodeProto { OpType = "Identity", Input = { "x" }, Output = { "y" } });
        foreach (var (list, name) in new[] { (graph.Input, "x"), (graph.Output, "y") })
        {
            var shape = new TensorShapeProto();
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = 3 });
            list.Add(new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } } });
        }

        var model = new ModelProto { IrVersion = 8, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Version = 17 });
        if (claimsMammo)
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = OnnxMetadata.Producer, Value = OnnxMetadata.ProducerValue });
        }

        return model.ToByteArray();
    }

    private MammoDataException Refused(byte[] bytes)
    {
        var path = _folder.File("model.onnx");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<MammoDataException>(() => OnnxPatchClassifier.Open(path));
        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    [Fact]
    public void An_export_opens_with_its_class_names_and_patch_size()
    {
        var path = _folder.File("model.onnx");
        File.WriteAllBytes(path, Exported());

        using var classifier = OnnxPatchClassifier.Open(path);

        Assert.Equal(["benign", "malignant"], classifier.ClassNames);
        Assert.Equal(48, classifier.PatchSize);
        Assert.Equal(600, classifier.Predict(OnnxFixtures.Patches(600, seed: 2)).Length);
    }

    [Fact]
    public void Random_bytes_are_not_a_model()
    {
        var bytes = new byte[4096];
        new Random(1).NextBytes(bytes);

        Assert.Contains("not an ONNX model that ONNX Runtime can load", Refused(bytes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_export_is_not_a_model()
    {
        var bytes = Exported();

        Assert.Contains("not an ONNX model that ONNX Runtime can load", Refused(bytes[..(bytes.Length / 2)]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_foreign_model_is_not_a_Mammo_export()
    {
        Assert.Contains("not a Mammo export", Refused(Foreign(claimsMammo: false)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_claims_to_be_Mammos_but_has_the_wrong_input_is_refused()
    {
        Assert.Contains("input 'x' is not float32 [N, 1, size, size] (shape [-1, 3])", Refused(Foreign(claimsMammo: true)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = _folder.File("absent.onnx");

        var e = Assert.Throws<MammoDataException>(() => OnnxPatchClassifier.Open(path));

        Assert.Equal($"{path}: no such file", e.Message);
    }

    [Fact]
    public void A_patch_of_the_wrong_size_is_an_argument_error()
    {
        using var classifier = OnnxPatchClassifier.Load(Exported());

        var e = Assert.Throws<ArgumentException>(() => classifier.Predict([new byte[48 * 48], new byte[10]]));

        Assert.Contains("patch 1 has 10 pixels, expected 2304", e.Message, StringComparison.Ordinal);
    }
}
