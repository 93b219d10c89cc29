using Mammo.Cli.Infrastructure;
using Mammo.Data;
using Mammo.Web;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary><c>mammo serve</c>: the web viewer (Mammo.Web) on this machine until Ctrl+C.</summary>
public sealed class ServeCommand(IAnsiConsole console) : Command<ServeSettings>
{
    public override int Execute(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var data = DataLocator.Resolve(settings.Data);
        if (!File.Exists(data) && !Directory.Exists(data))
        {
            throw new MammoDataException($"{data}: no such folder or archive (pass --data, set {DataLocator.EnvironmentVariable}, or run 'mammo download')");
        }

        if (!Directory.Exists(settings.Runs))
        {
            throw new InvalidSettingException("--runs", $"--runs {settings.Runs}: no such folder (train a run first, or pass --runs DIR)");
        }

        var options = new WebOptions
        {
            DataPath = data,
            RunsPath = settings.Runs,
            CachePath = settings.Cache ?? DefaultCache(),
            Host = settings.Host,
            Port = settings.Port,
            Token = settings.Token,
            MaxUploadBytes = settings.MaxUploadMegabytes * (1L << 20),
            Limits = settings.Limits,
            Strict = settings.Strict,
        };
        var server = MammoServer.Create(options);
        try
        {
            server.StartAsync(cancellationToken).GetAwaiter().GetResult();
            console.MarkupLine($"serving the {server.ScanCount} scans of {Markup.Escape(data)} and the runs under {Markup.Escape(Path.GetFullPath(settings.Runs))}");
            console.MarkupLine($"open [bold]{Markup.Escape(server.Url!.ToString())}[/]");
            if (server.Token is not null)
            {
                console.MarkupLine($"access token: {Markup.Escape(server.Token)} (every request needs it; the link above carries it)");
            }

            console.MarkupLine("Ctrl+C stops the server");
            cancellationToken.WaitHandle.WaitOne();

            // Stopping a server is how it is meant to end, not an interruption: in-flight requests finish, then exit 0.
            server.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            console.MarkupLine("stopped");
            return 0;
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static string DefaultCache()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrWhiteSpace(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "mammo", "web");
    }
}
