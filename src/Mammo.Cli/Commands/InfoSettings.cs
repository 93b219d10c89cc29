using System.ComponentModel;
using Mammo.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class InfoSettings : DataSettings
{
    [CommandOption("--json")]
    [Description("Print the counts as JSON (keys documented in docs/data.md).")]
    public bool Json { get; init; }
}
