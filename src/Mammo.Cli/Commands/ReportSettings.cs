using System.ComponentModel;
using Mammo.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class ReportSettings : DataSettings
{
    [CommandArgument(0, "<EXPERIMENT>")]
    [Description("An experiment folder (mammo experiment).")]
    public string Experiment { get; init; } = string.Empty;

    [CommandOption("-o|--out <FILE>")]
    [Description("The HTML file (default EXPERIMENT/report.html).")]
    public string? Out { get; init; }

    [CommandOption("--overwrite")]
    [Description("Replace an existing --out file (the default EXPERIMENT/report.html is always redrawn).")]
    public bool Overwrite { get; init; }
}
