using Mammo.Data;
using Mammo.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary><c>mammo download</c>: the official archive, checked (322 scans, Info.txt) before it is put in place.</summary>
public sealed class DownloadCommand(IAnsiConsole console) : AsyncCommand<DownloadSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DownloadSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        new OutputGuard().CheckFile(settings.Out, settings.Overwrite);
        using var downloader = new DatasetDownloader
        {
            Source = new Uri(settings.Url),
            Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
        };
        ArchiveContents contents = null!;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"downloading {downloader.Source.Host}", maxValue: 1);
                var report = new Progress<DownloadProgress>(p =>
                {
                    if (p.TotalBytes is { } total)
                    {
                        task.MaxValue = total;
                    }
                    else
                    {
                        task.IsIndeterminate = true;
                    }

                    task.Value = p.BytesReceived;
                });
                contents = await downloader.DownloadAsync(settings.Out, report, cancellationToken).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);

        console.MarkupLine($"saved [bold]{Markup.Escape(Path.GetFullPath(settings.Out))}[/]: {contents.ScanCount} scans and Info.txt");
        console.MarkupLine("next: [bold]mammo info[/] (it finds ./data/all-mias.tar.gz by itself)");
        return 0;
    }
}
