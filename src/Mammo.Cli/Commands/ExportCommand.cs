using System.Globalization;
using Mammo.Learning.Export;
using Mammo.Onnx;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary><c>mammo export RUN --format onnx --out FILE</c>: a finished run as a model that runs without Mammo.</summary>
public sealed class ExportCommand(IAnsiConsole console) : Command<ExportSettings>
{
    public override int Execute(CommandContext context, ExportSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        switch (settings.Format)
        {
            case ExportFormat.Onnx:
                OnnxRunExporter.Export(settings.Run, settings.Out, settings.Overwrite);
                break;
            case ExportFormat.Pytorch:
                PyTorchRunExporter.Export(settings.Run, settings.Out, settings.Overwrite);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Format, "unknown export format");
        }

        var size = new FileInfo(settings.Out).Length;
        var what = settings.Format == ExportFormat.Onnx
            ? $"ONNX opset {OnnxGraphWriter.OpsetVersion}; input '{OnnxGraphWriter.InputName}' grey levels 0..255, output '{OnnxGraphWriter.OutputName}'"
            : "PyTorch state_dict; the network's definition and input scaling";
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"wrote [bold]{settings.Out}[/] ({size:N0} bytes, {what}; see docs/interop.md)");
        return 0;
    }
}
