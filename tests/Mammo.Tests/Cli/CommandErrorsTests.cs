using Mammo.Cli.Infrastructure;
using Mammo.Data;
using Mammo.Storage;

namespace Mammo.Tests.Cli;

public sealed class CommandErrorsTests
{
    [Fact]
    public void A_bug_keeps_its_stack_trace_and_asks_to_be_reported()
    {
        var bug = Thrown(() => throw new InvalidOperationException("Sequence contains no elements"));
        var errors = new StringWriter();

        CommandErrors.Write(errors, bug);

        Assert.False(CommandErrors.IsUserFacing(bug));
        Assert.Equal(CommandErrors.InternalError, CommandErrors.ExitCode(bug));
        var text = errors.ToString();
        Assert.StartsWith("mammo: internal error (a bug in Mammo, not in your input): InvalidOperationException: Sequence contains no elements", text, StringComparison.Ordinal);
        Assert.Contains("   at ", text, StringComparison.Ordinal);
        Assert.Contains("please report it", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Argument_and_null_argument_exceptions_are_bugs_not_usage_errors()
    {
        Assert.Equal(CommandErrors.InternalError, CommandErrors.ExitCode(new ArgumentNullException("x")));
        Assert.Equal(CommandErrors.InternalError, CommandErrors.ExitCode(new ArgumentException("bad")));
        Assert.Equal(CommandErrors.InternalError, CommandErrors.ExitCode(new FormatException("bad")));
        Assert.Equal(CommandErrors.UsageError, CommandErrors.ExitCode(new InvalidSettingException("task", "unknown task 'x'")));
        Assert.Equal(CommandErrors.DataError, CommandErrors.ExitCode(new MammoDataException("f:1: bad")));
    }

    [Fact]
    public void A_parallel_loop_s_failure_is_unwrapped_and_a_full_disk_named()
    {
        var full = new AggregateException(new IOException("No space left on device : '/mnt/out/.p.tmp-1-2/a.png'", 28), new IOException("No space left on device : '/mnt/out/.p.tmp-1-2/b.png'", 28));
        var cancelled = new AggregateException(new OperationCanceledException(), new OperationCanceledException());
        var mixed = new AggregateException(new OperationCanceledException(), new AggregateException(new MammoDataException("x.pgm: truncated")));

        Assert.Equal("no space left on device: /mnt/out/.p.tmp-1-2/a.png; the partial output was removed", CommandErrors.Message(full));
        Assert.Equal(CommandErrors.DataError, CommandErrors.ExitCode(full));
        Assert.Equal(CommandErrors.Cancelled, CommandErrors.ExitCode(cancelled));
        Assert.Equal("x.pgm: truncated", CommandErrors.Message(mixed));
    }

    [Fact]
    public void The_command_line_adds_its_own_way_out_to_a_domain_failure()
    {
        var exists = new OutputConflictException("/tmp/out", OutputConflict.Exists);
        var run = new OutputConflictException("/tmp/run", OutputConflict.Exists, kind: OutputKind.Run);
        var input = new OutputConflictException("/d", OutputConflict.IsInput, "/d");

        Assert.DoesNotContain("--", exists.Message, StringComparison.Ordinal);
        Assert.EndsWith("(choose another path, or pass --overwrite to replace it)", CommandErrors.Message(exists), StringComparison.Ordinal);
        Assert.EndsWith("(choose another --out, or continue an interrupted run with --resume)", CommandErrors.Message(run), StringComparison.Ordinal);
        Assert.Equal("/d: is the input /d; inputs are never written to", CommandErrors.Message(input));
    }

    [Fact]
    public void A_remedy_stated_as_a_fact_becomes_the_command_line_words_for_it()
    {
        var interrupted = new MammoDataException("/r: the run is interrupted, not complete") { Remedy = DataRemedy.ResumeRun, Subject = "/r" };
        var noPlan = new MammoDataException("/e: not an experiment folder (no experiment.json)") { Remedy = DataRemedy.CreateExperiment, Subject = "/e" };
        var strict = new MammoDataException("Info.txt:3: bad row (and 2 more issue(s))") { Remedy = DataRemedy.ListAllIssues };
        var offline = new DatasetDownloadException("cannot reach host: connection refused; download the archive by hand") { Remedy = DataRemedy.ProvideArchive };

        Assert.Equal("/r: the run is interrupted, not complete; continue it with 'mammo train --resume /r'", CommandErrors.Message(interrupted));
        Assert.Equal("/e: not an experiment folder (no experiment.json); run 'mammo experiment --out /e' first", CommandErrors.Message(noPlan));
        Assert.Equal("Info.txt:3: bad row (and 2 more issue(s)); run without --strict to list them", CommandErrors.Message(strict));
        Assert.Equal("cannot reach host: connection refused; download the archive by hand and pass it with --data", CommandErrors.Message(offline));
        Assert.All(new MammoException[] { interrupted, noPlan, strict, offline }, e => Assert.DoesNotContain("--", e.Message, StringComparison.Ordinal));
    }

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException("nothing was thrown");
    }
}
