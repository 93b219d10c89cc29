using Mammo.Learning.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mammo.Tests.Learning;

[Collection(TorchGlobalState.Name)]
public class NetworksTests
{
    private static readonly string[] s_seedCnnLayers =
        ["conv1", "conv2", "pool1", "conv3", "pool2", "dropout1", "dense", "dropout2", "flatten", "logits"];

    private static readonly string[] s_registryNames = ["keras", "batchnorm"];

    [Theory]
    [InlineData(2, 72_706)]
    [InlineData(3, 79_107)]
    public void Seed_cnn_has_the_original_parameter_count(int classes, long expected)
    {
        using var model = new SeedCnn(classes, seed: 1);

        Assert.Equal(expected, model.parameters().Sum(p => p.numel()));
        Assert.Empty(model.buffers());
    }

    [Theory]
    [InlineData(ModelRegistry.DefaultName, 2)]
    [InlineData(ModelRegistry.DefaultName, 3)]
    [InlineData(ModelRegistry.BatchNormName, 2)]
    [InlineData(ModelRegistry.BatchNormName, 3)]
    public void Networks_map_a_batch_to_one_logit_per_class(string name, int classes)
    {
        using var model = ModelRegistry.Create(name, classes, seed: 5);
        model.eval();
        using var scope = NewDisposeScope();
        using var generator = new torch.Generator(9);

        var output = model.call(torch.rand(4, 1, 48, 48, generator: generator));

        Assert.Equal(new long[] { 4, classes }, output.shape);
        Assert.True(output.isfinite().all().item<bool>());
    }

    [Fact]
    public void Networks_take_another_input_size_when_built_for_it()
    {
        using var seed64 = new SeedCnn(2, seed: 1, inputSize: 64);
        using var batchNorm64 = new BatchNormCnn(2, seed: 1, inputSize: 64);
        using var batchNorm48 = new BatchNormCnn(2, seed: 1);
        using var input = TorchSharp.torch.rand(3, 1, 64, 64);

        // Seed CNN at 64: the map before flatten is ⌊(⌊60 / 2⌋ − 2) / 2⌋ = 14 pixels square: 64·14·14·2 + 2 logits parameters.
        Assert.Equal(320 + 18_496 + 36_928 + 4_160 + (64 * 14 * 14 * 2) + 2, seed64.parameters().Sum(p => p.numel()));
        Assert.Equal(batchNorm48.parameters().Sum(p => p.numel()), batchNorm64.parameters().Sum(p => p.numel()));
        using var seedLogits = seed64.call(input);
        using var batchLogits = batchNorm64.call(input);
        Assert.Equal([3L, 2L], seedLogits.shape);
        Assert.Equal([3L, 2L], batchLogits.shape);
        using var small = TorchSharp.torch.rand(1, 1, 48, 48);
        Assert.Contains("[N, 1, 64, 64]", Assert.Throws<ArgumentException>(() => seed64.call(small)).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidSettingException>(() => ModelRegistry.Create("keras", 2, inputSize: 8));
    }

    [Fact]
    public void Networks_reject_a_wrong_input_shape()
    {
        using var model = new SeedCnn();
        using var scope = NewDisposeScope();

        var ex = Assert.Throws<ArgumentException>(() => model.call(torch.zeros(2, 1, 32, 32)));
        Assert.Contains("[N, 1, 48, 48]", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeedCnn(classCount: 1));
    }

    [Fact]
    public void Seed_cnn_uses_glorot_uniform_weights_and_zero_biases()
    {
        using var model = new SeedCnn(2, seed: 3);
        var layers = model.named_children().ToDictionary(c => c.name, c => c.module);

        foreach (var name in s_seedCnnLayers.Where(n => n.StartsWith("conv", StringComparison.Ordinal) || n is "dense" or "logits"))
        {
            var (weight, bias) = layers[name] switch
            {
                Conv2d conv => (conv.weight!, conv.bias!),
                Linear linear => (linear.weight!, linear.bias!),
                var other => throw new InvalidOperationException(other.GetType().Name),
            };
            var receptive = weight.shape.Skip(2).Aggregate(1L, (a, b) => a * b);
            var fanIn = weight.shape[1] * receptive;
            var fanOut = weight.shape[0] * receptive;
            var limit = Math.Sqrt(6.0 / (fanIn + fanOut));
            var largest = weight.abs().max().item<float>();

            Assert.True(largest <= limit, $"{name}: max |w| {largest} > Glorot limit {limit}");
            // Uniform over (−limit, limit) with ≥ 128 draws reaches close to the limit; torch's own default
            // (kaiming_uniform with a = √5, limit 1/√fan_in) would not match for every layer.
            Assert.True(largest >= 0.9 * limit, $"{name}: max |w| {largest} is far below the Glorot limit {limit}");
            Assert.True(Math.Abs(weight.mean().item<float>()) < limit / 5, $"{name}: mean not near 0");
            Assert.Equal(0f, bias.abs().max().item<float>());
        }
    }

    [Fact]
    public void Same_seed_gives_identical_weights_and_another_seed_different_ones()
    {
        using var a = new SeedCnn(2, seed: 42);
        using var b = new SeedCnn(2, seed: 42);
        using var c = new SeedCnn(2, seed: 43);
        using var bnA = new BatchNormCnn(3, seed: 42);
        using var bnB = new BatchNormCnn(3, seed: 42);

        AssertSameWeights(a, b);
        AssertSameWeights(bnA, bnB);
        var aWeights = a.state_dict();
        var cWeights = c.state_dict();
        Assert.False(SameValues(aWeights["conv1.weight"], cWeights["conv1.weight"]));
        Assert.False(SameValues(aWeights["logits.weight"], cWeights["logits.weight"]));
    }

    [Fact]
    public void Seeded_construction_does_not_depend_on_torchs_global_random_state()
    {
        torch.manual_seed(1);
        using var a = new SeedCnn(2, seed: 7);
        torch.manual_seed(2);
        using var b = new SeedCnn(2, seed: 7);

        AssertSameWeights(a, b);
    }

    [Fact]
    public void Summary_of_the_seed_cnn_matches_the_keras_model()
    {
        using var model = new SeedCnn(2, seed: 1);

        var summary = NetworkSummary.Of(model);

        Assert.Equal("SeedCnn", summary.ModelName);
        Assert.Equal(new long[] { 1, 1, 48, 48 }, summary.InputShape);
        Assert.Equal(s_seedCnnLayers, summary.Rows.Select(r => r.Name));
        Assert.Equal(
            new long[] { 320, 18_496, 0, 36_928, 0, 0, 4_160, 0, 0, 12_802 },
            summary.Rows.Select(r => r.ParameterCount));
        Assert.Equal(new long[] { 1, 32, 46, 46 }, summary.Rows[0].OutputShape);
        Assert.Equal(new long[] { 1, 64, 44, 44 }, summary.Rows[1].OutputShape);
        Assert.Equal(new long[] { 1, 64, 10, 10 }, summary.Rows[6].OutputShape);
        Assert.Equal(new long[] { 1, 6400 }, summary.Rows[8].OutputShape);
        Assert.Equal(new long[] { 1, 2 }, summary.Rows[9].OutputShape);
        Assert.Equal("Conv2d", summary.Rows[0].LayerType);
        Assert.Equal("Linear", summary.Rows[9].LayerType);
        Assert.Equal(72_706, summary.TotalParameters);
        Assert.Equal(72_706, summary.TrainableParameters);
        Assert.Equal(0, summary.NonTrainableParameters);
        Assert.Equal(summary.TotalParameters, summary.Rows.Sum(r => r.ParameterCount));
        Assert.True(model.training, "the summary must restore training mode");

        var text = summary.ToText();
        Assert.Contains("conv1 (Conv2d)", text, StringComparison.Ordinal);
        Assert.Contains("(None, 32, 46, 46)", text, StringComparison.Ordinal);
        Assert.Contains("Total params: 72,706", text, StringComparison.Ordinal);
        Assert.Contains("Trainable params: 72,706", text, StringComparison.Ordinal);
        Assert.Contains("Non-trainable params: 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_of_the_batch_norm_cnn_counts_running_statistics_as_non_trainable()
    {
        using var model = new BatchNormCnn(2, seed: 1);
        model.eval();

        var summary = NetworkSummary.Of(model);

        var trainable = model.parameters().Sum(p => p.numel());
        Assert.Equal(trainable, summary.TrainableParameters);
        Assert.True(trainable < 100_000, $"{trainable} parameters");
        Assert.Equal(2 * (16 + 16 + 32 + 32 + 64 + 64), summary.NonTrainableParameters);
        Assert.Equal(summary.TotalParameters, summary.Rows.Sum(r => r.ParameterCount));
        Assert.Equal("BatchNorm2d", summary.Rows[1].LayerType);
        Assert.Equal(4 * 16, summary.Rows[1].ParameterCount);
        Assert.Equal(new long[] { 1, 64, 6, 6 }, summary.Rows.Single(r => r.Name == "pool3").OutputShape);
        Assert.Equal(new long[] { 1, 64 }, summary.Rows.Single(r => r.Name == "flatten").OutputShape);
        Assert.Equal(new long[] { 1, 2 }, summary.Rows[^1].OutputShape);
        Assert.False(model.training, "the summary must restore eval mode");
    }

    [Fact]
    public void Registry_lists_and_creates_networks_and_rejects_unknown_names()
    {
        Assert.Equal(ModelRegistry.DefaultName, ModelRegistry.Models[0].Name);
        Assert.Equal(s_registryNames, ModelRegistry.Names);
        Assert.All(ModelRegistry.Models, m => Assert.False(string.IsNullOrWhiteSpace(m.Description)));

        using (var byDefault = ModelRegistry.Create())
        {
            Assert.IsType<SeedCnn>(byDefault);
        }

        using (var batchNorm = ModelRegistry.Create(" BatchNorm ", 3))
        {
            Assert.Equal(3, Assert.IsType<BatchNormCnn>(batchNorm).ClassCount);
        }

        using (var formerName = ModelRegistry.Create(" Seed ", 3))
        {
            Assert.Equal(3, Assert.IsType<SeedCnn>(formerName).ClassCount);
        }

        Assert.Equal("keras", ModelRegistry.DefaultName);
        Assert.Equal("keras", ModelRegistry.Resolve("seed"));
        Assert.Equal("keras", ModelRegistry.Resolve("KERAS"));
        Assert.Equal(["seed"], ModelRegistry.Models[0].Aliases);
        Assert.Empty(ModelRegistry.Models[1].Aliases);

        var ex = Assert.Throws<InvalidSettingException>(() => ModelRegistry.Create("resnet50"));
        Assert.Contains("resnet50", ex.Message, StringComparison.Ordinal);
        Assert.Contains("keras", ex.Message, StringComparison.Ordinal);
        Assert.Contains("batchnorm", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_pixel_dense_equals_a_linear_layer_applied_to_each_pixel()
    {
        using var model = new SeedCnn(2, seed: 11);
        var dense = Assert.IsType<Conv2d>(model.named_children().Single(c => c.name == "dense").module);
        using var scope = NewDisposeScope();
        using var generator = new torch.Generator(21);
        var input = torch.randn(new long[] { 3, 64, 10, 10 }, generator: generator);

        // Keras' Dense(64) on an (h, w, 64) map: the same 64→64 map on the last axis of every pixel.
        using var linear = nn.Linear(64, 64);
        using (torch.no_grad())
        {
            // The initial bias is zero; make it non-zero so it takes part in the comparison.
            dense.bias!.uniform_(-0.1, 0.1, generator);
            linear.weight!.copy_(dense.weight!.reshape(64, 64));
            linear.bias!.copy_(dense.bias!);
        }

        using (torch.no_grad())
        {
            var viaConv = dense.call(input);
            var viaLinear = linear.call(input.permute(0, 2, 3, 1)).permute(0, 3, 1, 2);

            Assert.Equal(viaConv.shape, viaLinear.shape);
            Assert.True(viaConv.allclose(viaLinear, rtol: 1e-5, atol: 1e-5), "1×1 convolution and per-pixel linear differ");
        }
    }

    [Theory]
    [InlineData(ModelRegistry.DefaultName)]
    [InlineData(ModelRegistry.BatchNormName)]
    public void A_few_adam_steps_reduce_the_loss_on_a_fixed_batch(string name)
    {
        using var model = ModelRegistry.Create(name, 2, seed: 3);
        using var generator = new torch.Generator(17);
        using var scope = NewDisposeScope();
        // Class 1 patches are brighter in the centre: easy to fit.
        var labels = torch.tensor(new long[] { 0, 1, 0, 1, 0, 1, 0, 1 });
        var images = torch.rand(8, 1, 48, 48, generator: generator) * 0.5;
        images[TensorIndex.Slice(1, null, 2), TensorIndex.Colon, TensorIndex.Slice(16, 32), TensorIndex.Slice(16, 32)].add_(0.5);
        using var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
        var before = model.parameters().Select(p => p.detach().clone()).ToList();

        // Training mode: dropout (and batch statistics) make single losses noisy, so compare the first two
        // steps with the last two.
        model.train();
        var losses = new List<float>();
        for (var step = 0; step < 10; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(images), labels);
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }

        var first = losses.Take(2).Average();
        var last = losses.TakeLast(2).Average();
        Assert.True(last < first, $"{name}: loss went from {first} to {last} ({string.Join(", ", losses)})");
        var after = model.parameters().ToList();
        Assert.All(Enumerable.Range(0, after.Count), i => Assert.False(SameValues(after[i], before[i]), $"{name}: parameter {i} did not change"));
    }

    private static void AssertSameWeights(nn.Module a, nn.Module b)
    {
        var left = a.state_dict();
        var right = b.state_dict();
        Assert.Equal(left.Keys.Order(), right.Keys.Order());
        foreach (var (key, tensor) in left)
        {
            Assert.True(SameValues(tensor, right[key]), $"{key} differs");
        }
    }

    private static bool SameValues(Tensor a, Tensor b) =>
        a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();
}
