using Onnx;
using static TorchSharp.torch;

namespace Mammo.Onnx;

/// <summary>
/// Appends nodes and initialisers to one ONNX graph under a name prefix, so that the k fold networks of a
/// cross-validation run can live side by side in one graph without their weight names colliding.
/// </summary>
internal sealed class GraphBuilder(GraphProto graph, string prefix)
{
    private int _nodes;

    /// <summary>A float32 initialiser holding a copy of <paramref name="value"/>; returns its name.</summary>
    public string Weight(string name, Tensor value)
    {
        using var cpu = value.detach().cpu().to_type(ScalarType.Float32).contiguous();
        var proto = new TensorProto { Name = prefix + name, DataType = (int)TensorProto.Types.DataType.Float };
        proto.Dims.AddRange(cpu.shape);
        proto.FloatData.AddRange(cpu.data<float>().ToArray());
        graph.Initializer.Add(proto);
        return proto.Name;
    }

    /// <summary>A float32 initialiser of the given shape and values; returns its name.</summary>
    public string Constant(string name, long[] shape, params float[] values)
    {
        var proto = new TensorProto { Name = prefix + name, DataType = (int)TensorProto.Types.DataType.Float };
        proto.Dims.AddRange(shape);
        proto.FloatData.AddRange(values);
        graph.Initializer.Add(proto);
        return proto.Name;
    }

    /// <summary>Adds a node with one output, named after the operator and its position; returns that output's name.</summary>
    public string Node(string op, IEnumerable<string> inputs, params AttributeProto[] attributes) =>
        NodeTo($"{prefix}{op.ToLowerInvariant()}_{++_nodes}", op, inputs, attributes);

    /// <summary>Adds a node whose single output has the given (unprefixed, graph-level) name.</summary>
    public string NodeTo(string output, string op, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = $"{prefix}{op}_{++_nodes}" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return output;
    }

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };
}
