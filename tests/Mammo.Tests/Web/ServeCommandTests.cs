using Mammo.Tests.TestSupport;
using Spectre.Console;

namespace Mammo.Tests.Web;

/// <summary><c>mammo serve</c> on the command line: bad input is one line and an exit code; Ctrl+C stops it with 0.</summary>
[Collection(WebServerGroup.Name)]
public sealed class ServeCommandTests(WebWorld world)
{
    [RealMiasFact]
    public void Bad_options_are_one_line_and_a_usage_or_data_exit_code()
    {
        var noRuns = CliRunner.Run("serve", "--data", RealMias.Path!, "--runs", Path.Combine(world.Scratch, "none"), "--port", "0", "--cache", world.Cache);
        var noData = CliRunner.Run("serve", "--data", Path.Combine(world.Scratch, "missing.tar.gz"), "--runs", world.Runs, "--port", "0");
        var port = CliRunner.Run("serve", "--data", RealMias.Path!, "--runs", world.Runs, "--port", "70000");
        var host = CliRunner.Run("serve", "--data", RealMias.Path!, "--runs", world.Runs, "--port", "0", "--cache", world.Cache, "--host", "example.org");
        var cacheInData = CliRunner.Run("serve", "--data", RealMias.Path!, "--runs", world.Runs, "--port", "0", "--cache", Path.Combine(world.Runs, "cache"));

        Assert.Equal((2, $"mammo: error: --runs {Path.Combine(world.Scratch, "none")}: no such folder (train a run first, or pass --runs DIR)\n"), (noRuns.ExitCode, noRuns.Errors));
        Assert.Equal(1, noData.ExitCode);
        Assert.StartsWith($"mammo: error: {Path.Combine(world.Scratch, "missing.tar.gz")}: no such folder or archive", noData.Errors, StringComparison.Ordinal);
        Assert.Equal((2, "mammo: error: --port 70000: must be 0..65535\n"), (port.ExitCode, port.Errors));
        Assert.Equal(2, host.ExitCode);
        Assert.Contains("host 'example.org': expected an IP address", host.Errors, StringComparison.Ordinal);
        Assert.NotEqual(0, cacheInData.ExitCode);
        Assert.Single(cacheInData.Errors.Trim().Split('\n'));
        Assert.All(new[] { noRuns, noData, port, host, cacheInData }, r => Assert.DoesNotContain("   at ", r.Errors, StringComparison.Ordinal));
    }

    [RealMiasFact]
    public async Task It_prints_its_URL_serves_until_cancelled_and_then_exits_0()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 400;
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(() => Mammo.Cli.Program.Run(["serve", "--data", RealMias.Path!, "--runs", world.Runs, "--port", "0", "--cache", world.Cache], console, errors, stop.Token));

        string? address = null;
        for (var i = 0; i < 600 && address is null; i++)
        {
            await Task.Delay(50);
            address = output.ToString().Split('\n').FirstOrDefault(l => l.StartsWith("open http://127.0.0.1:", StringComparison.Ordinal))?["open ".Length..].Trim();
        }

        Assert.NotNull(address);
        using var client = new HttpClient();
        var listing = await client.GetStringAsync(new Uri(new Uri(address), "/api/scans"));
        await stop.CancelAsync();
        var code = await serving.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("\"count\":322", listing, StringComparison.Ordinal);
        Assert.Equal(0, code);
        Assert.Contains("serving the 322 scans", output.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("stopped\n", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, errors.ToString());
    }
}
