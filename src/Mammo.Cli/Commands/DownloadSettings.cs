using System.ComponentModel;
using Mammo.Cli.Infrastructure;
using Mammo.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class DownloadSettings : CommandSettings
{
    // null! here and below: Spectre sets every option, from [DefaultValue] when it is not given; the attribute is the one statement of the default.
    [CommandOption("-o|--out <FILE>")]
    [Description("Where to save the archive.")]
    [DefaultValue("data/" + DataLocator.ArchiveName)]
    public string Out { get; init; } = null!;

    [CommandOption("--overwrite")]
    [Description("Replace an existing archive at --out (only once the new one is downloaded and checked).")]
    public bool Overwrite { get; init; }

    [CommandOption("--url <URL>")]
    [Description("Where to download from.")]
    [DefaultValue(DatasetDownloader.DefaultUrl)]
    public string Url { get; init; } = null!;

    [CommandOption("--timeout <SECONDS>")]
    [Description("Longest wait for the server to answer, and for each next block of data.")]
    [DefaultValue(60)]
    public int TimeoutSeconds { get; init; }

    public override ValidationResult Validate() =>
        !Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            ? ValidationResult.Error($"--url '{Url}' is not an http or https URL")
            : TimeoutSeconds <= 0 ? ValidationResult.Error("--timeout must be positive") : ValidationResult.Success();
}
