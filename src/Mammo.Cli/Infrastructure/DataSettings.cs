using System.ComponentModel;
using Spectre.Console.Cli;

namespace Mammo.Cli.Infrastructure;

/// <summary>Options shared by every command that reads the MIAS data.</summary>
public class DataSettings : CommandSettings
{
    [CommandOption("-d|--data <PATH>")]
    [Description("MIAS folder (Info.txt + mdbNNN.pgm) or all-mias.tar.gz. Default: $MAMMO_DATA, else ./data.")]
    public string? Data { get; init; }

    [CommandOption("--strict")]
    [Description("Fail on the first data issue instead of leaving the record out.")]
    public bool Strict { get; init; }
}
