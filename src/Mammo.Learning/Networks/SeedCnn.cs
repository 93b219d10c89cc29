using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mammo.Learning.Networks;

/// <summary>
/// The original study's Keras CNN, layer for layer, on 1×48×48 patches (NCHW):
/// <code>
/// conv1     Conv2D 32 3×3 ReLU     → 32×46×46     320
/// conv2     Conv2D 64 3×3 ReLU     → 64×44×44  18,496
/// pool1     MaxPool 2              → 64×22×22
/// conv3     Conv2D 64 3×3 ReLU     → 64×20×20  36,928
/// pool2     MaxPool 2              → 64×10×10
/// dropout1  Dropout 0.25
/// dense     Dense 64 ReLU per pixel → 64×10×10  4,160
/// dropout2  Dropout 0.25
/// flatten   Flatten                → 6400
/// logits    Dense n_classes        → n         6400·n + n
/// </code>
/// 72,706 parameters for 2 classes, 79,107 for 3. Built for another input side s (at least 10), the map before
/// flatten is ⌊(⌊(s − 4) / 2⌋ − 2) / 2⌋ pixels square, and only <c>logits</c> changes size. The output is logits: softmax belongs to the loss
/// (cross-entropy) or to prediction.
/// <para>
/// <b>Dense before Flatten.</b> Keras applies a Dense layer to the last axis, so the original <c>Dense(64)</c> on the
/// 10×10×64 map is a 64→64 linear map applied to every pixel. Here it is a 1×1 convolution: the same weights
/// (<c>conv.weight[o, i, 0, 0] = dense.kernel[i, o]</c>), the same fan-in/fan-out and therefore the same Glorot limit.
/// </para>
/// <para>
/// <b>Flatten order.</b> Keras flattens channels-last (h, w, c); this network flattens NCHW (c, h, w). That only
/// permutes the input columns of <c>logits</c>: Keras kernel row <c>h·640 + w·64 + c</c> is column
/// <c>c·100 + h·10 + w</c> of <c>logits.weight</c>. Training from scratch is unaffected; importing Keras weights
/// must apply that permutation.
/// </para>
/// <para>
/// <b>Initialisation</b> as Keras' defaults: Glorot (Xavier) uniform weights, zero biases. With a seed the values
/// come from a private generator (same seed → identical weights; torch's global random state is untouched);
/// without one they come from torch's default generator (<c>torch.manual_seed</c>).
/// </para>
/// </summary>
public sealed class SeedCnn : nn.Module<Tensor, Tensor>
{
    public const double DropoutRate = 0.25;

    private readonly Conv2d _conv1;
    private readonly Conv2d _conv2;
    private readonly MaxPool2d _pool1;
    private readonly Conv2d _conv3;
    private readonly MaxPool2d _pool2;
    private readonly Dropout _dropout1;
    private readonly Conv2d _dense;
    private readonly Dropout _dropout2;
    private readonly Flatten _flatten;
    private readonly Linear _logits;

    /// <param name="classCount">Number of classes (outputs); at least 2.</param>
    /// <param name="seed">Seed for the initial weights; null draws from torch's default generator.</param>
    /// <param name="inputSize">The side of the input patches (48 in the original).</param>
    public SeedCnn(int classCount = 2, int? seed = null, int inputSize = NetworkInput.Size)
        : base(nameof(SeedCnn))
    {
        NetworkInput.ValidateClassCount(classCount);
        NetworkInput.ValidateSize(inputSize, 10, "seed");
        ClassCount = classCount;
        InputSize = inputSize;
        var side = ((((inputSize - 4) / 2) - 2) / 2);

        _conv1 = nn.Conv2d(NetworkInput.Channels, 32, 3);
        _conv2 = nn.Conv2d(32, 64, 3);
        _pool1 = nn.MaxPool2d(2);
        _conv3 = nn.Conv2d(64, 64, 3);
        _pool2 = nn.MaxPool2d(2);
        _dropout1 = nn.Dropout(DropoutRate);
        _dense = nn.Conv2d(64, 64, 1);
        _dropout2 = nn.Dropout(DropoutRate);
        _flatten = nn.Flatten();
        _logits = nn.Linear(64 * side * side, classCount);

        // Registration order is forward order (ModelSummary lists layers in call order anyway).
        register_module("conv1", _conv1);
        register_module("conv2", _conv2);
        register_module("pool1", _pool1);
        register_module("conv3", _conv3);
        register_module("pool2", _pool2);
        register_module("dropout1", _dropout1);
        register_module("dense", _dense);
        register_module("dropout2", _dropout2);
        register_module("flatten", _flatten);
        register_module("logits", _logits);

        using var generator = WeightInit.CreateGenerator(seed);
        foreach (var conv in new[] { _conv1, _conv2, _conv3, _dense })
        {
            WeightInit.GlorotUniform(conv.weight!, generator);
            WeightInit.Zeros(conv.bias);
        }

        WeightInit.GlorotUniform(_logits.weight!, generator);
        WeightInit.Zeros(_logits.bias);
    }

    public int ClassCount { get; }

    public int InputSize { get; }

    /// <summary>Logits [N, classes] for input [N, 1, size, size].</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        NetworkInput.Validate(input, nameof(SeedCnn), InputSize);
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(_conv1.call(input));
        x = nn.functional.relu(_conv2.call(x));
        x = _pool1.call(x);
        x = nn.functional.relu(_conv3.call(x));
        x = _pool2.call(x);
        x = _dropout1.call(x);
        x = nn.functional.relu(_dense.call(x));
        x = _dropout2.call(x);
        x = _flatten.call(x);
        return _logits.call(x).MoveToOuterDisposeScope();
    }
}
