using Spectre.Console;

namespace Mammo.Tests.TestSupport;

/// <summary>Runs the <c>mammo</c> command line in-process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static Result Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var code = Mammo.Cli.Program.Run(args, console, errors);
        return new Result(code, output.ToString(), errors.ToString());
    }
}
