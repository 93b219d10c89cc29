using System.ComponentModel;
using Mammo.Cli.Infrastructure;
using Mammo.Web;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class ServeSettings : DataSettings
{
    // null! here and below: Spectre sets every option, from [DefaultValue] when it is not given; the attribute is the one statement of the default.
    [CommandOption("--runs <DIR>")]
    [Description("The folder whose runs and experiments are listed (searched four levels deep).")]
    [DefaultValue("runs")]
    public string Runs { get; init; } = null!;

    [CommandOption("--host <ADDRESS>")]
    [Description("The address to listen on. Any but a loopback address requires an access token on every request.")]
    [DefaultValue("127.0.0.1")]
    public string Host { get; init; } = null!;

    [CommandOption("--port <PORT>")]
    [Description("The port to listen on (0: any free one).")]
    [DefaultValue(5173)]
    public int Port { get; init; }

    [CommandOption("--token <TOKEN>")]
    [Description("The access token (default: one generated at start, when the host is not a loopback address).")]
    public string? Token { get; init; }

    [CommandOption("--cache <DIR>")]
    [Description("Where thumbnails and scan pictures are kept between starts (default: $XDG_CACHE_HOME/mammo/web, else ~/.cache/mammo/web); never inside the data or the runs.")]
    public string? Cache { get; init; }

    [CommandOption("--max-upload <MB>")]
    [Description("The largest image upload accepted, in megabytes (larger: 413).")]
    [DefaultValue((int)(WebOptions.DefaultMaxUploadBytes >> 20))]
    public int MaxUploadMegabytes { get; init; }

    public override ValidationResult Validate() =>
        Port is < 0 or > 65535 ? ValidationResult.Error($"--port {Port}: must be 0..65535")
        : MaxUploadMegabytes is < 1 or > 4096 ? ValidationResult.Error($"--max-upload {MaxUploadMegabytes}: must be 1..4096 (megabytes)")
        : Token is { Length: < 16 } ? ValidationResult.Error("--token: use at least 16 characters")
        : ValidationResult.Success();
}
