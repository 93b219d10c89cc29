using System.Reflection;
using System.Text.RegularExpressions;
using Mammo.Data;
using Mammo.Imaging;
using Mammo.Storage;
using Spectre.Console.Cli;

namespace Mammo.Cli.Infrastructure;

/// <summary>
/// Turns the failures a user can cause (bad data, a setting out of range, an output in the way, a full disk,
/// Ctrl+C) into one clear line and an exit code, never a stack trace. Those are <see cref="MammoException"/>s
/// (thrown wherever user input is checked), the command-line parser's own errors, and the environment's I/O
/// errors. Anything else is a bug: it keeps its stack trace and asks to be reported.
/// </summary>
public static partial class CommandErrors
{
    public const int DataError = 1;
    public const int UsageError = 2;

    /// <summary>EX_SOFTWARE (sysexits.h): an internal error, a bug.</summary>
    public const int InternalError = 70;

    public const int Cancelled = 130;

    private const int NoSpaceLeft = 28;

    /// <summary>
    /// The failure that matters: parallel loops wrap what their bodies throw in an AggregateException, reflection
    /// in a TargetInvocationException, and Spectre an option's refused value in "Failed to convert" (naming neither
    /// the option nor the rule); a cancellation inside a parallel loop is a cancellation.
    /// </summary>
    public static Exception Unwrap(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        while (true)
        {
            switch (e)
            {
                case AggregateException aggregate:
                    var inner = aggregate.Flatten().InnerExceptions;
                    if (inner.Count == 0)
                    {
                        return e;
                    }

                    e = inner.FirstOrDefault(i => i is not OperationCanceledException) ?? inner[0];
                    break;
                case TargetInvocationException { InnerException: { } invoked }:
                    e = invoked;
                    break;
                case CommandAppException { InnerException: InvalidSettingException refused }:
                    e = refused;
                    break;
                default:
                    return e;
            }
        }
    }

    public static bool IsUserFacing(Exception e) =>
        Unwrap(e) is MammoException or CommandAppException or OperationCanceledException or IOException or UnauthorizedAccessException;

    public static int ExitCode(Exception e) => Unwrap(e) switch
    {
        CommandAppException or InvalidSettingException => UsageError,
        OperationCanceledException => Cancelled,
        MammoException or IOException or UnauthorizedAccessException => DataError,
        _ => InternalError,
    };

    /// <summary>The one line for a user-facing failure, with the command-line way out where there is one.</summary>
    public static string Message(Exception e)
    {
        var failure = Unwrap(e);
        var message = failure switch
        {
            OperationCanceledException => "cancelled; no output was left half-written",
            IOException io when (io.HResult & 0xFFFF) == NoSpaceLeft => $"no space left on device: {QuotedPath(io.Message) ?? io.Message}; the partial output was removed",
            _ => failure.Message,
        };
        return (message + Hint(failure)).ReplaceLineEndings(" ");
    }

    public static void Write(TextWriter errors, Exception e)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(e);
        if (IsUserFacing(e))
        {
            errors.WriteLine($"mammo: error: {Message(e)}");
            return;
        }

        errors.WriteLine($"mammo: internal error (a bug in Mammo, not in your input): {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        errors.WriteLine(e.ToString());
        errors.WriteLine("mammo: please report it with the command you ran and the lines above.");
    }

    private static string Hint(Exception e) => e switch
    {
        OutputConflictException { Conflict: OutputConflict.Exists, Kind: OutputKind.Run } => " (choose another --out, or continue an interrupted run with --resume)",
        OutputConflictException { Conflict: OutputConflict.Exists } => " (choose another path, or pass --overwrite to replace it)",
        OutputConflictException { Conflict: OutputConflict.NotMammoOutput or OutputConflict.OtherKind } => " (choose another path)",
        ImageTooLargeException => " (raise the limit with --max-pixels if the image is meant to be that large)",
        MammoDataException { Remedy: DataRemedy.ResumeRun, Subject: var run } => $"; continue it with 'mammo train --resume {run}'",
        MammoDataException { Remedy: DataRemedy.CreateExperiment, Subject: var folder } => $"; run 'mammo experiment --out {folder}' first",
        MammoDataException { Remedy: DataRemedy.ListAllIssues } => "; run without --strict to list them",
        DatasetDownloadException { Remedy: DataRemedy.ProvideArchive } => " and pass it with --data",
        _ => string.Empty,
    };

    private static string? QuotedPath(string message) => QuotedPathPattern().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedPathPattern();
}
