using System.ComponentModel;
using Mammo.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class DemoSettings : DataSettings
{
    [CommandOption("-o|--out <DIR>")]
    [Description("The demo's folder (a new one, or one an earlier demo wrote: its experiment is then continued).")]
    [DefaultValue("out/demo")]
    public string Out { get; init; } = "out/demo";
}
