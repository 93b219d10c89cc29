using Mammo.Data;
using Spectre.Console.Cli;

namespace Mammo.Cli.Infrastructure;

/// <summary>
/// Turns the failures a user can cause (bad data, bad options, an output in the way) into one clear line
/// and an exit code, never a stack trace. Anything else is a bug and keeps its stack trace.
/// </summary>
public static class CommandErrors
{
    public const int DataError = 1;
    public const int UsageError = 2;
    public const int Cancelled = 130;

    public static bool IsUserFacing(Exception e) =>
        e is MammoDataException or DatasetDownloadException or CommandAppException or IOException or UnauthorizedAccessException
            or FormatException or ArgumentException or OperationCanceledException or InvalidOperationException;

    public static int ExitCode(Exception e) => e switch
    {
        CommandAppException or FormatException or ArgumentException => UsageError,
        OperationCanceledException => Cancelled,
        _ => DataError,
    };

    public static void Write(TextWriter errors, Exception e)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(e);
        var message = e is OperationCanceledException ? "cancelled" : e.Message.ReplaceLineEndings(" ");
        errors.WriteLine($"mammo: error: {message}");
    }
}
