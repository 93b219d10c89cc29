namespace Mammo.Bench;

/// <summary>
/// Side-by-side benchmarks: each runs the reference Python program from ../shared/reference and our code
/// on the same input, in the same run, and prints a Markdown table for docs/benchmarks.md.
/// Usage: mammo-bench patches [--repeat N] | heatmap [--repeat N] [--threads N] | detector [--repeat N] [--threads N] | train [--images N] [--epochs N] [--threads N] [--rounds N] | layers [--threads N] [--repeat N] | onnx [--threads N] [--rounds N] | info [--images N] [--repeat N]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var what = args.Length > 0 ? args[0] : "patches";
        var repeat = Option(args, "--repeat", 5);
        var archive = Environment.GetEnvironmentVariable("MAMMO_DATA") ?? "../shared/mias/all-mias.tar.gz";
        var reference = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(archive))!, "..", "reference"));
        return what switch
        {
            "patches" => PatchesBenchmark.Run(archive, reference, repeat),
            "heatmap" => HeatmapBenchmark.Run(archive, repeat, Option(args, "--threads", Environment.ProcessorCount)),
            "detector" => DetectorBenchmark.Run(archive, repeat, Option(args, "--threads", Environment.ProcessorCount)),
            "train" => TrainingBenchmark.Run(reference, Option(args, "--images", 3840), Option(args, "--epochs", 3), Option(args, "--threads", Environment.ProcessorCount), Option(args, "--rounds", 3)),
            "layers" => LayerBenchmark.Run(Option(args, "--threads", Environment.ProcessorCount), Option(args, "--repeat", 20)),
            "onnx" => OnnxBenchmark.Run(Option(args, "--threads", Environment.ProcessorCount), Option(args, "--rounds", 5)),
            "info" => InfoBenchmark.Run(Option(args, "--images", 10_000), Option(args, "--repeat", 3)),
            _ => Usage(),
        };
    }

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);

    private static int Usage()
    {
        Console.Error.WriteLine("usage: mammo-bench patches [--repeat N] | heatmap [--repeat N] [--threads N] | detector [--repeat N] [--threads N] | train [--images N] [--epochs N] [--threads N] [--rounds N] | layers [--threads N] [--repeat N] | onnx [--threads N] [--rounds N] | info [--images N] [--repeat N]");
        return 2;
    }
}
