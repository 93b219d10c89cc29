using System.Diagnostics;
using TorchSharp;

namespace Mammo.Bench;

/// <summary>Timing helpers the benchmarks share.</summary>
internal static class Measure
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Median seconds of <paramref name="repeat"/> calls, after one call that warms up.</summary>
    public static double MedianSeconds(int repeat, Action action)
    {
        action();
        var times = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalSeconds);
        }

        return Median(times);
    }

    /// <summary>
    /// libtorch's fp32 matrix product 2048³ on the current threads, in GFLOP/s: the best of <paramref name="repeat"/>
    /// after one warm-up, because the fastest run is what the hardware can do and slower ones are other tenants' noise.
    /// </summary>
    public static double MatrixProductGflops(int repeat)
    {
        const int N = 2048;
        using var a = torch.rand(N, N);
        using var b = torch.rand(N, N);
        var best = double.MaxValue;
        for (var i = 0; i <= repeat; i++)
        {
            var clock = Stopwatch.StartNew();
            using var c = a.mm(b);
            best = i == 0 ? best : Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return 2.0 * N * N * N / best / 1e9;
    }
}
