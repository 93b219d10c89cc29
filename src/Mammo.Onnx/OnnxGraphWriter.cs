using Mammo.Data;
using Mammo.Learning.Networks;
using Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mammo.Onnx;

/// <summary>
/// Writes the ONNX graph of Mammo's networks from their weights (TorchSharp cannot export ONNX). The graph takes
/// grey levels 0..255 as float32 <c>[N, 1, 48, 48]</c>, divides by 255 itself (as training did before the network),
/// and outputs softmax probabilities <c>[N, classes]</c>. Several networks (the folds of a cross-validation run) become
/// one graph: each under its own name prefix, their probabilities averaged by <c>Mean</c>, exactly what
/// <c>TrainedModel.Predict</c> does. Dropout is left out: it is the identity at inference.
/// </summary>
public static class OnnxGraphWriter
{
    public const string InputName = "input";
    public const string OutputName = "probabilities";

    /// <summary>ONNX operator set 17 (ONNX 1.12): every operator used here, and the newest Debian 12's python3-onnx checks.</summary>
    public const long OpsetVersion = 17;

    /// <summary>IR version 8, the one that goes with opset 17 (ONNX 1.12); ONNX Runtime 1.31 loads it, as the tests show.</summary>
    public const long IrVersion = (long)global::Onnx.Version.IrVersion2021730;

    // TorchSharp's BatchNorm2d default, which BatchNormCnn keeps.
    private const float BatchNormEpsilon = 1e-5f;

    /// <summary>The network types this writer knows, by registry name.</summary>
    public static IReadOnlyList<string> SupportedNetworks { get; } = [ModelRegistry.DefaultName, ModelRegistry.BatchNormName];

    /// <summary>
    /// One graph for <paramref name="networks"/> (one network, or k whose probabilities are averaged), with
    /// <paramref name="metadata"/> as the model's <c>metadata_props</c>.
    /// </summary>
    /// <exception cref="MammoDataException">A network this writer does not know, or networks with different class counts.</exception>
    public static ModelProto Write(IReadOnlyList<nn.Module<Tensor, Tensor>> networks, int patchSize, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(metadata);
        if (networks.Count == 0)
        {
            throw new ArgumentException("at least one network is needed", nameof(networks));
        }

        var graph = new GraphProto { Name = "mammo" };
        var shared = new GraphBuilder(graph, string.Empty);
        var scale = shared.Constant("intensity_scale", [], 255f);
        var normalised = shared.Node("Div", [InputName, scale]);

        var outputs = new List<string>();
        int? classes = null;
        for (var i = 0; i < networks.Count; i++)
        {
            var prefix = networks.Count == 1 ? string.Empty : $"fold{i}/";
            var builder = new GraphBuilder(graph, prefix);
            var (probabilities, count) = networks[i] switch
            {
                SeedCnn seed => (Seed(builder, normalised, seed), seed.ClassCount),
                BatchNormCnn batchNorm => (BatchNorm(builder, normalised, batchNorm), batchNorm.ClassCount),
                var other => throw new MammoDataException(
                    $"network '{other.GetName()}': the ONNX exporter knows only {string.Join(", ", SupportedNetworks)}"),
            };
            if (classes is { } c && c != count)
            {
                throw new MammoDataException($"network {i} has {count} classes, network 0 has {c}: they cannot be averaged");
            }

            classes = count;
            outputs.Add(probabilities);
        }

        if (outputs.Count == 1)
        {
            // Renaming by Identity keeps the single-network graph's own node names free of the output's.
            shared.NodeTo(OutputName, "Identity", [outputs[0]]);
        }
        else
        {
            shared.NodeTo(OutputName, "Mean", outputs);
        }

        graph.Input.Add(Value(InputName, [Dimension("N"), Dimension(1), Dimension(patchSize), Dimension(patchSize)]));
        graph.Output.Add(Value(OutputName, [Dimension("N"), Dimension(classes!.Value)]));

        return Model(graph, "Mammo patch classifier: grey levels 0..255 [N, 1, H, W] in, softmax probabilities [N, classes] out. See metadata_props.", metadata);
    }

    /// <summary>
    /// The seed network(s) as one fully convolutional graph over images of any size, as <c>FullyConvolutionalSeedCnn</c>
    /// is in libtorch: grey levels 0..255 [N, 1, H, W] in, softmax probabilities [N, classes, rows, columns] out,
    /// where (i, j) scores the 48×48 window whose top-left corner is (4i, 4j); k networks' maps averaged.
    /// </summary>
    public static ModelProto WriteDense(IReadOnlyList<SeedCnn> networks, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(metadata);
        if (networks.Count == 0)
        {
            throw new ArgumentException("at least one network is needed", nameof(networks));
        }

        var graph = new GraphProto { Name = "mammo-dense" };
        var shared = new GraphBuilder(graph, string.Empty);
        var normalised = shared.Node("Div", [InputName, shared.Constant("intensity_scale", [], 255f)]);
        var outputs = new List<string>();
        foreach (var (network, i) in networks.Select((n, i) => (n, i)))
        {
            var g = new GraphBuilder(graph, networks.Count == 1 ? string.Empty : $"fold{i}/");
            var weights = network.state_dict();
            var x = Relu(g, Conv(g, normalised, weights, "conv1", padding: 0));
            x = Relu(g, Conv(g, x, weights, "conv2", padding: 0));
            x = MaxPool(g, x);
            x = Relu(g, Conv(g, x, weights, "conv3", padding: 0));
            x = MaxPool(g, x);
            x = Relu(g, Conv(g, x, weights, "dense", padding: 0));

            // The dense layer over the 10×10×64 map is a 10×10 convolution with the same weights (NCHW flatten order).
            var logits = weights["logits.weight"];
            using var kernel = logits.reshape(logits.shape[0], 64, 10, 10);
            x = g.Node("Conv", [x, g.Weight("logits.weight", kernel), g.Weight("logits.bias", weights["logits.bias"])],
                GraphBuilder.Ints("kernel_shape", 10, 10), GraphBuilder.Ints("strides", 1, 1), GraphBuilder.Ints("pads", 0, 0, 0, 0));
            outputs.Add(Softmax(g, x));
        }

        if (outputs.Count == 1)
        {
            shared.NodeTo(OutputName, "Identity", [outputs[0]]);
        }
        else
        {
            shared.NodeTo(OutputName, "Mean", outputs);
        }

        graph.Input.Add(Value(InputName, [Dimension("N"), Dimension(1), Dimension("H"), Dimension("W")]));
        graph.Output.Add(Value(OutputName, [Dimension("N"), Dimension(networks[0].ClassCount), Dimension("rows"), Dimension("columns")]));
        return Model(graph, "Mammo dense scorer: grey levels 0..255 [N, 1, H, W] in, softmax probabilities [N, classes, rows, columns] of every 48×48 window at stride 4 out.", metadata);
    }

    private static ModelProto Model(GraphProto graph, string description, IReadOnlyDictionary<string, string> metadata)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "mammo",
            ProducerVersion = OnnxMetadata.MammoVersion,
            Graph = graph,
            DocString = description,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = OpsetVersion });
        foreach (var (key, value) in metadata)
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return model;
    }

    // SeedCnn.forward: conv-relu, conv-relu, pool, conv-relu, pool, (dropout), 1×1 conv-relu, (dropout), flatten, linear.
    private static string Seed(GraphBuilder g, string x, SeedCnn network)
    {
        var weights = network.state_dict();
        x = Relu(g, Conv(g, x, weights, "conv1", padding: 0));
        x = Relu(g, Conv(g, x, weights, "conv2", padding: 0));
        x = MaxPool(g, x);
        x = Relu(g, Conv(g, x, weights, "conv3", padding: 0));
        x = MaxPool(g, x);

        // The original's Dense(64) on the 10×10×64 map acts on every pixel: SeedCnn holds it as the 1×1 convolution it is.
        x = Relu(g, Conv(g, x, weights, "dense", padding: 0));

        // Flatten of NCHW gives the (c, h, w) order that logits.weight's columns were trained on.
        x = g.Node("Flatten", [x], GraphBuilder.Int("axis", 1));
        return Softmax(g, Linear(g, x, weights, "logits"));
    }

    // BatchNormCnn.forward: three blocks of (conv-bn-relu) × 2 then pool, global average pool, flatten, (dropout), linear.
    private static string BatchNorm(GraphBuilder g, string x, BatchNormCnn network)
    {
        var weights = network.state_dict();
        for (var block = 0; block < 3; block++)
        {
            for (var i = 1; i <= 2; i++)
            {
                var layer = (block * 2) + i;
                x = Conv(g, x, weights, $"conv{layer}", padding: 1);
                var bn = $"bn{layer}";
                x = g.Node(
                    "BatchNormalization",
                    [x, g.Weight($"{bn}.weight", weights[$"{bn}.weight"]), g.Weight($"{bn}.bias", weights[$"{bn}.bias"]),
                        g.Weight($"{bn}.running_mean", weights[$"{bn}.running_mean"]), g.Weight($"{bn}.running_var", weights[$"{bn}.running_var"])],
                    GraphBuilder.Float("epsilon", BatchNormEpsilon));
                x = Relu(g, x);
            }

            x = MaxPool(g, x);
        }

        x = g.Node("GlobalAveragePool", [x]);
        x = g.Node("Flatten", [x], GraphBuilder.Int("axis", 1));
        return Softmax(g, Linear(g, x, weights, "logits"));
    }

    private static string Conv(GraphBuilder g, string x, Dictionary<string, Tensor> weights, string layer, long padding)
    {
        var weight = weights[$"{layer}.weight"];
        List<string> inputs = [x, g.Weight($"{layer}.weight", weight)];
        if (weights.TryGetValue($"{layer}.bias", out var bias))
        {
            inputs.Add(g.Weight($"{layer}.bias", bias));
        }

        return g.Node(
            "Conv",
            inputs,
            GraphBuilder.Ints("kernel_shape", weight.shape[2], weight.shape[3]),
            GraphBuilder.Ints("strides", 1, 1),
            GraphBuilder.Ints("pads", padding, padding, padding, padding));
    }

    private static string Relu(GraphBuilder g, string x) => g.Node("Relu", [x]);

    private static string MaxPool(GraphBuilder g, string x) =>
        g.Node("MaxPool", [x], GraphBuilder.Ints("kernel_shape", 2, 2), GraphBuilder.Ints("strides", 2, 2));

    // torch's Linear is x·Wᵀ + b: Gemm with transB.
    private static string Linear(GraphBuilder g, string x, Dictionary<string, Tensor> weights, string layer) =>
        g.Node("Gemm", [x, g.Weight($"{layer}.weight", weights[$"{layer}.weight"]), g.Weight($"{layer}.bias", weights[$"{layer}.bias"])], GraphBuilder.Int("transB", 1));

    private static string Softmax(GraphBuilder g, string x) => g.Node("Softmax", [x], GraphBuilder.Int("axis", 1));

    private static TensorShapeProto.Types.Dimension Dimension(long value) => new() { DimValue = value };

    private static TensorShapeProto.Types.Dimension Dimension(string name) => new() { DimParam = name };

    private static ValueInfoProto Value(string name, TensorShapeProto.Types.Dimension[] dimensions)
    {
        var shape = new TensorShapeProto();
        shape.Dim.AddRange(dimensions);
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
