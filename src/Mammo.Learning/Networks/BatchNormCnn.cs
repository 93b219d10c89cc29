using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mammo.Learning.Networks;

/// <summary>
/// A stronger small network with the same contract as <see cref="SeedCnn"/> (input [N, 1, 48, 48], output logits
/// [N, classes]): three blocks of two 3×3 convolutions (padding 1, no bias) each followed by batch norm and ReLU,
/// 16 → 32 → 64 channels, 2×2 max pooling after each block (48 → 24 → 12 → 6), global average pooling, dropout 0.3
/// and one linear layer. About 72k trainable parameters (72,146 for 2 classes) plus 448 batch-norm running statistics.
/// Global average pooling keeps the head tiny and makes the features translation-tolerant; batch norm lets it train
/// with larger learning rates than the seed network.
/// <para>
/// Initialisation: He (Kaiming) normal for the convolutions (they feed ReLUs), batch norm γ = 1 and β = 0,
/// Glorot uniform and zero bias for the linear layer; seeded as in <see cref="SeedCnn"/>.
/// Remember <c>train()</c> / <c>eval()</c>: batch norm and dropout behave differently in the two modes.
/// </para>
/// </summary>
public sealed class BatchNormCnn : nn.Module<Tensor, Tensor>
{
    public const double DropoutRate = 0.3;

    private static readonly int[] s_widths = [16, 32, 64];

    private readonly List<(Conv2d Conv, BatchNorm2d Norm)> _convolutions = [];
    private readonly List<MaxPool2d> _pools = [];
    private readonly AdaptiveAvgPool2d _globalPool;
    private readonly Flatten _flatten;
    private readonly Dropout _dropout;
    private readonly Linear _logits;

    /// <param name="classCount">Number of classes (outputs); at least 2.</param>
    /// <param name="seed">Seed for the initial weights; null draws from torch's default generator.</param>
    /// <param name="inputSize">The side of the input patches: any from 8 (global pooling makes the parameters independent of it).</param>
    public BatchNormCnn(int classCount = 2, int? seed = null, int inputSize = NetworkInput.Size)
        : base(nameof(BatchNormCnn))
    {
        NetworkInput.ValidateClassCount(classCount);
        NetworkInput.ValidateSize(inputSize, 8, "batchnorm");
        ClassCount = classCount;
        InputSize = inputSize;

        using var generator = WeightInit.CreateGenerator(seed);
        long inChannels = NetworkInput.Channels;
        var layer = 0;
        for (var block = 0; block < s_widths.Length; block++)
        {
            for (var i = 0; i < 2; i++)
            {
                layer++;
                var conv = nn.Conv2d(inChannels, s_widths[block], 3, padding: 1, bias: false);
                var norm = nn.BatchNorm2d(s_widths[block]);
                register_module($"conv{layer}", conv);
                register_module($"bn{layer}", norm);
                WeightInit.HeNormal(conv.weight!, generator);
                WeightInit.Ones(norm.weight);
                WeightInit.Zeros(norm.bias);
                _convolutions.Add((conv, norm));
                inChannels = s_widths[block];
            }

            var pool = nn.MaxPool2d(2);
            register_module($"pool{block + 1}", pool);
            _pools.Add(pool);
        }

        _globalPool = nn.AdaptiveAvgPool2d(1);
        _flatten = nn.Flatten();
        _dropout = nn.Dropout(DropoutRate);
        _logits = nn.Linear(inChannels, classCount);
        register_module("gap", _globalPool);
        register_module("flatten", _flatten);
        register_module("dropout", _dropout);
        register_module("logits", _logits);
        WeightInit.GlorotUniform(_logits.weight!, generator);
        WeightInit.Zeros(_logits.bias);
    }

    public int ClassCount { get; }

    public int InputSize { get; }

    /// <summary>Logits [N, classes] for input [N, 1, size, size].</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        NetworkInput.Validate(input, nameof(BatchNormCnn), InputSize);
        using var scope = NewDisposeScope();
        var x = input;
        for (var block = 0; block < _pools.Count; block++)
        {
            for (var i = 0; i < 2; i++)
            {
                var (conv, norm) = _convolutions[(block * 2) + i];
                x = nn.functional.relu(norm.call(conv.call(x)));
            }

            x = _pools[block].call(x);
        }

        x = _flatten.call(_globalPool.call(x));
        x = _dropout.call(x);
        return _logits.call(x).MoveToOuterDisposeScope();
    }
}
