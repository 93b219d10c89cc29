using System.ComponentModel;
using Mammo.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class DemoSettings : DataSettings
{
    // null! here and below: Spectre sets every option, from [DefaultValue] when it is not given; the attribute is the one statement of the default.
    [CommandOption("-o|--out <DIR>")]
    [Description("The demo's folder (a new one, or one an earlier demo wrote: its experiment is then continued).")]
    [DefaultValue("out/demo")]
    public string Out { get; init; } = null!;
}
