using System.Net;
using Mammo.Web.Endpoints;
using Mammo.Web.Security;
using Mammo.Web.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mammo.Web;

/// <summary>
/// The viewer's server: Kestrel in this process, the dataset loaded before it listens (so bad data fails at start
/// with Mammo's own message), the API and the page. <see cref="StartAsync"/> binds; <see cref="Url"/> is then
/// where it listens, with the token when one is required.
/// </summary>
public sealed class MammoServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MammoServer(WebApplication app, WebOptions options, AccessToken? token)
    {
        _app = app;
        Options = options;
        Token = token?.Value;
    }

    public WebOptions Options { get; }

    /// <summary>The token every request needs; null on a loopback host without one given.</summary>
    public string? Token { get; }

    /// <summary>The address it listens on (after <see cref="StartAsync"/>), e.g. http://127.0.0.1:5173/.</summary>
    public Uri? Address { get; private set; }

    /// <summary>The address to open, carrying the token when one is required.</summary>
    public Uri? Url => Address is null ? null : Token is null ? Address : new Uri(Address, $"/?{AccessToken.Query}={Uri.EscapeDataString(Token)}");

    public IServiceProvider Services => _app.Services;

    /// <summary>Done once every scan's thumbnail and PNG is in the cache (made in the background from the first start).</summary>
    public Task PicturesReady => _app.Services.GetRequiredService<DatasetCatalog>().Warming;

    /// <summary>The scans the dataset kept.</summary>
    public int ScanCount => _app.Services.GetRequiredService<DatasetCatalog>().Dataset.Scans.Count;

    /// <exception cref="MammoException">The data is unusable, the host is not an address, or the cache would touch an input.</exception>
    public static MammoServer Create(WebOptions options, ILoggerProvider? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = ListenAddress(options.Host);
        if (options.Port is < 0 or > 65535)
        {
            throw new InvalidSettingException("port", $"port {options.Port}: must be 0..65535");
        }

        if (options.MaxUploadBytes < 1)
        {
            throw new InvalidSettingException("upload", $"upload limit {options.MaxUploadBytes}: must be at least 1 byte");
        }

        var token = options.Token is { Length: > 0 } given ? new AccessToken(given)
            : AccessToken.IsLoopback(options.Host) ? null : new AccessToken(AccessToken.Generate());
        var dataset = new DatasetCatalog(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        if (log is not null)
        {
            builder.Logging.AddProvider(log);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes + (64 << 10);
            kestrel.Listen(address, options.Port);
        });
        builder.Services.ConfigureHttpJsonOptions(json => WebJson.Configure(json.SerializerOptions));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(dataset);
        builder.Services.AddSingleton<RunCatalog>();
        builder.Services.AddSingleton<ModelCache>();
        builder.Services.AddSingleton<RunFigures>();
        builder.Services.AddSingleton<PredictionService>();
        builder.Services.AddSingleton<UploadStore>();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (PathFilter.IsSuspicious(PathFilter.RawTarget(context)))
            {
                await ApiResponses.WriteAsync(context, StatusCodes.Status404NotFound, "not found").ConfigureAwait(false);
                return;
            }

            // On loopback without a token, a page elsewhere could still reach the server through a name that resolves
            // to 127.0.0.1 (DNS rebinding): only requests that name this machine itself are answered.
            if (token is null && !AccessToken.IsLoopback(context.Request.Host.Host.Trim('[', ']')))
            {
                await ApiResponses.WriteAsync(context, StatusCodes.Status403Forbidden, "this server answers requests for 127.0.0.1 or localhost only").ConfigureAwait(false);
                return;
            }

            if (token is not null)
            {
                if (!token.Allows(context))
                {
                    await ApiResponses.WriteAsync(context, StatusCodes.Status401Unauthorized, "this server needs its access token (printed when it started): ?token=… or an X-Mammo-Token header").ConfigureAwait(false);
                    return;
                }

                if (context.Request.Query.ContainsKey(AccessToken.Query))
                {
                    context.Response.Cookies.Append(AccessToken.Cookie, token.Value, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
                }
            }

            await next(context).ConfigureAwait(false);
        });
        app.UseMiddleware<ErrorHandling>();
        app.MapPage();
        app.MapScans();
        app.MapRuns();
        app.MapPredict();
        app.MapFallback(() => ApiResponses.NotFound("not found"));
        return new MammoServer(app, options, token);
    }

    private static readonly string[] s_warmUpPaths = ["/", "/app.js", "/app.css", "/api/scans", "/api/runs"];

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new InvalidSettingException($"cannot listen on {Options.Host}:{Options.Port}: {e.Message}", e);
        }

        var bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
        await WarmUpAsync(cancellationToken).ConfigureAwait(false);
    }

    // The first request to each endpoint pays for compiling it (measured: the dataset page's first paint then sat at
    // 1.0 s against 0.8 s after); asking once here, before the URL is printed, moves that cost off the user's first visit.
    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (Address is null || !Address.IsLoopback)
        {
            return;
        }

        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        if (Token is not null)
        {
            client.DefaultRequestHeaders.Add(AccessToken.Header, Token);
        }

        foreach (var path in s_warmUpPaths)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Best effort: a server that cannot answer itself yet answers its first visitor a little later instead.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        var (models, dataset) = (_app.Services.GetService<ModelCache>(), _app.Services.GetService<DatasetCatalog>());
        await _app.DisposeAsync().ConfigureAwait(false);
        models?.Dispose();
        dataset?.Dispose();
    }

    private static IPAddress ListenAddress(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var address) ? address
        : throw new InvalidSettingException("host", $"host '{host}': expected an IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0");
}
