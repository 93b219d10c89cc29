using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Mammo.Bench;

/// <summary>
/// Where a training step of the seed CNN spends its time: each layer at batch 32, forward alone and forward plus
/// backward, in libtorch's default (NCHW) layout and in channels-last, with the arithmetic rate each reaches, beside
/// libtorch's fp32 matrix product on the same threads. This is the evidence behind docs/benchmarks.md's account of
/// why the training-throughput target is out of reach on this hardware.
/// </summary>
public static class LayerBenchmark
{
    private const int Batch = SeedCnnArithmetic.Batch;

    public static int Run(int threads, int repeat)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        torch.set_num_threads(threads);
        torch.manual_seed(0);
        Console.WriteLine($"## Seed CNN layers at batch {Batch}, {threads} threads, median of {repeat} (ms; GFLOP/s in brackets)");
        Console.WriteLine();
        Console.WriteLine("| layer | forward | forward + backward | channels-last forward | channels-last forward + backward |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var c in SeedCnnArithmetic.Layers)
        {
            var forwardFlops = Batch * SeedCnnArithmetic.ForwardFlops(c);
            var trainingFlops = Batch * SeedCnnArithmetic.TrainingFlops(c);
            using var x = torch.rand(Batch, c.In, c.Size, c.Size);
            using var w = torch.rand(c.Out, c.In, c.Kernel, c.Kernel);
            using var b = torch.rand(c.Out);
            var cells = new List<string>();
            foreach (var channelsLast in new[] { false, true })
            {
                using var xi = Layout(x, channelsLast).requires_grad_(c.InputGradient);
                using var wi = Layout(w, channelsLast).requires_grad_(true);
                using var bi = b.detach().requires_grad_(true);
                var forward = Measure.MedianSeconds(repeat, () =>
                {
                    using var noGrad = no_grad();
                    using var y = nn.functional.conv2d(xi, wi, bi);
                });
                var both = Measure.MedianSeconds(repeat, () =>
                {
                    using var scope = NewDisposeScope();
                    var y = nn.functional.conv2d(xi, wi, bi);
                    // autograd.grad rather than backward: nothing accumulates into .grad between repeats.
                    torch.autograd.grad([y], c.InputGradient ? [xi, wi, bi] : [wi, bi], [torch.ones_like(y)]);
                });
                cells.Add(Cell(forward, forwardFlops));
                cells.Add(Cell(both, trainingFlops));
            }

            Console.WriteLine($"| {c.Name} | {string.Join(" | ", cells)} |");
        }

        using (var map = torch.rand(Batch, 64, 44, 44).requires_grad_(true))
        {
            var reluThenPool = Measure.MedianSeconds(repeat, () =>
            {
                using var scope = NewDisposeScope();
                var y = nn.functional.max_pool2d(nn.functional.relu(map), 2);
                torch.autograd.grad([y], [map], [torch.ones_like(y)]);
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ReLU + max-pool 2, 64×44×44 | | {reluThenPool * 1e3:0.0} | | |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Matrix product 2048³ on the same threads, best of {repeat}: {Measure.MatrixProductGflops(repeat):0} GFLOP/s."));
        return 0;
    }

    /// <summary>
    /// Channels-last without a memory-format API (TorchSharp 0.107 has none): an NHWC-contiguous tensor permuted back
    /// to NCHW indices has exactly the strides libtorch recognises as channels-last, and its kernels follow them.
    /// </summary>
    private static Tensor Layout(Tensor t, bool channelsLast) =>
        channelsLast ? t.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2).detach() : t.detach().clone();

    private static string Cell(double seconds, double flops) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e3:0.0} ({flops / seconds / 1e9:0})");
}
