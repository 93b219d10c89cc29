using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class ExportSettings : CommandSettings
{
    [CommandArgument(0, "<RUN>")]
    [Description("A finished run folder written by mammo train.")]
    public string Run { get; init; } = string.Empty;

    [CommandOption("--format <FORMAT>")]
    [Description("onnx: one graph (a cv run's fold networks averaged inside it), metadata stating the run's contract. pytorch: a state_dict for torch.load (a cv run's folds under folds.N.).")]
    [DefaultValue(ExportFormat.Onnx)]
    public ExportFormat Format { get; init; }

    [CommandOption("-o|--out <FILE>")]
    [Description("The file to write, e.g. model.onnx or model.pt. Never one of the run's own files.")]
    public string Out { get; init; } = string.Empty;

    [CommandOption("--overwrite")]
    [Description("Replace --out if it exists.")]
    public bool Overwrite { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out is required (the file to write, e.g. model.onnx)") : ValidationResult.Success();
}
