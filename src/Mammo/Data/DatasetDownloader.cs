using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Mammo.Data;

/// <summary>
/// Downloads the mini-MIAS archive to a file. The bytes go to <c>&lt;destination&gt;.partial</c> next to the
/// destination; once the download is complete and the archive holds the expected scans and
/// <c>Info.txt</c>, the partial file is moved over the destination in one step. Any failure, cancellation
/// included, deletes the partial file and leaves an existing destination untouched; failures are
/// <see cref="DatasetDownloadException"/>s with a one-line message, cancellation an
/// <see cref="OperationCanceledException"/>.
/// </summary>
public sealed partial class DatasetDownloader : IDisposable
{
    /// <summary>The official mini-MIAS archive (322 scans and Info.txt).</summary>
    public const string DefaultUrl = "http://peipa.essex.ac.uk/pix/mias/all-mias.tar.gz";

    /// <summary>Scans in the mini-MIAS database.</summary>
    public const int MiasScanCount = 322;

    /// <summary>Appended to the destination path while the download is in progress.</summary>
    public const string PartialSuffix = ".partial";

    private const string ByHand = "download the archive by hand";
    private const int BufferSize = 1 << 16;
    private static readonly TimeSpan s_progressInterval = TimeSpan.FromMilliseconds(100);

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _source = new(DefaultUrl);
    private readonly int _expectedScanCount = MiasScanCount;
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);

    /// <param name="httpClient">
    /// The client to use; it is not disposed. Null creates one (without automatic decompression, so the
    /// archive is saved byte for byte) that <see cref="Dispose"/> releases.
    /// </param>
    public DatasetDownloader(HttpClient? httpClient = null)
    {
        if (httpClient is null)
        {
            _http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None })
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
            _ownsHttp = true;
        }
        else
        {
            _http = httpClient;
        }
    }

    /// <summary>Where the archive comes from; an absolute http or https URL. Defaults to <see cref="DefaultUrl"/>.</summary>
    public Uri Source
    {
        get => _source;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttp && value.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"'{value}' is not an http or https URL", nameof(value));
            }

            _source = value;
        }
    }

    /// <summary>How many <c>mdbNNN.pgm</c> scans the archive must hold; <see cref="MiasScanCount"/> by default.</summary>
    public int ExpectedScanCount
    {
        get => _expectedScanCount;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _expectedScanCount = value;
        }
    }

    /// <summary>
    /// The longest wait for the server: for the response to start, and then for each next block of data.
    /// 60 seconds by default; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits for ever.
    /// </summary>
    public TimeSpan Timeout
    {
        get => _timeout;
        init
        {
            if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "the timeout must be positive or infinite");
            }

            _timeout = value;
        }
    }

    /// <summary>The file a download to <paramref name="destinationPath"/> writes to until it is complete.</summary>
    public static string PartialPathFor(string destinationPath) => Path.GetFullPath(destinationPath) + PartialSuffix;

    /// <summary>
    /// Downloads <see cref="Source"/> to <paramref name="destinationPath"/> (its folder is created if need be;
    /// an existing file is replaced only by a complete, checked archive).
    /// </summary>
    /// <param name="progress">Told the bytes received: once when the response starts, about ten times a second, and once at the end.</param>
    /// <returns>What the archive holds.</returns>
    /// <exception cref="DatasetDownloadException">The download or the check of the archive failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ArchiveContents> DownloadAsync(
        string destinationPath,
        IProgress<DownloadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        var destination = Path.GetFullPath(destinationPath);
        PrepareFolder(destination);
        var partial = destination + PartialSuffix;
        try
        {
            await FetchAsync(partial, progress, cancellationToken);
            var contents = Check(partial, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            Install(partial, destination);
            return contents;
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static void PrepareFolder(string destination)
    {
        if (Directory.Exists(destination))
        {
            throw new DatasetDownloadException($"{destination} is a folder; give a file path for the archive");
        }

        var folder = Path.GetDirectoryName(destination);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetDownloadException($"cannot create the folder {folder}: {OneLine(ex.Message)}", ex);
        }
    }

    private async Task FetchAsync(string partial, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, _source);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Mammo", "1.0"));

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable(ReasonOf(ex), ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = timeout.IsCancellationRequested ? $"no answer within {Describe(_timeout)}" : "timed out";
            throw Unreachable(reason, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new DatasetDownloadException($"{(int)response.StatusCode} {PhraseOf(response)} from {_source}");
            }

            var total = response.Content.Headers.ContentLength;
            Stream body;
            try
            {
                body = await response.Content.ReadAsStreamAsync(timeout.Token);
            }
            catch (Exception ex) when (IsNetworkFailure(ex, cancellationToken))
            {
                throw BrokeOff(0, total, ReasonOf(ex), ex);
            }

            await using (body)
            {
                var file = OpenPartial(partial);
                await using (file)
                {
                    await CopyAsync(body, file, total, progress, timeout, cancellationToken);
                }
            }
        }
    }

    private async Task CopyAsync(
        Stream body,
        FileStream file,
        long? total,
        IProgress<DownloadProgress>? progress,
        CancellationTokenSource timeout,
        CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        long received = 0;
        progress?.Report(new DownloadProgress(0, total));
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            timeout.CancelAfter(_timeout);
            int read;
            try
            {
                read = await body.ReadAsync(buffer, timeout.Token);
            }
            catch (Exception ex) when (IsNetworkFailure(ex, cancellationToken))
            {
                var reason = ex is OperationCanceledException ? $"no data for {Describe(_timeout)}" : ReasonOf(ex);
                throw BrokeOff(received, total, reason, ex);
            }

            if (read == 0)
            {
                break;
            }

            try
            {
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            catch (IOException ex)
            {
                throw new DatasetDownloadException($"cannot write {file.Name}: {OneLine(ex.Message)}", ex);
            }

            received += read;
            if (progress is not null && clock.Elapsed - lastReport >= s_progressInterval)
            {
                progress.Report(new DownloadProgress(received, total));
                lastReport = clock.Elapsed;
            }
        }

        if (total is { } expected && received != expected)
        {
            throw BrokeOff(received, total, "the connection closed early", null);
        }

        try
        {
            await file.FlushAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            throw new DatasetDownloadException($"cannot write {file.Name}: {OneLine(ex.Message)}", ex);
        }

        progress?.Report(new DownloadProgress(received, total));
    }

    private ArchiveContents Check(string partial, CancellationToken cancellationToken)
    {
        ArchiveContents contents;
        try
        {
            contents = MiasArchiveCheck.InspectCore(partial, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new DatasetDownloadException(
                $"the file from {_source} is not a usable archive: {ex.Message}; try again, or {ByHand}", ex)
            { Remedy = DataRemedy.ProvideArchive };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetDownloadException($"cannot read back {partial}: {OneLine(ex.Message)}", ex);
        }

        if (contents.ScanCount != _expectedScanCount)
        {
            throw new DatasetDownloadException(
                $"the archive from {_source} holds {contents.ScanCount} scans (mdbNNN.pgm); expected {_expectedScanCount}");
        }

        if (!contents.HasLabels)
        {
            throw new DatasetDownloadException(
                $"the archive from {_source} has no {MiasLabelReader.FileName} (the labels)");
        }

        return contents;
    }

    private static FileStream OpenPartial(string partial)
    {
        try
        {
            return new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetDownloadException($"cannot write {partial}: {OneLine(ex.Message)}", ex);
        }
    }

    private static void Install(string partial, string destination)
    {
        try
        {
            File.Move(partial, destination, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetDownloadException($"cannot move the download into {destination}: {OneLine(ex.Message)}", ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original failure is what the user needs to see.
        }
    }

    /// <summary>A failure of the connection or a timeout while reading, as opposed to the caller cancelling.</summary>
    private static bool IsNetworkFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or IOException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private DatasetDownloadException Unreachable(string reason, Exception inner) =>
        new($"cannot reach {_source.Authority}: {reason}; {ByHand}", inner) { Remedy = DataRemedy.ProvideArchive };

    private DatasetDownloadException BrokeOff(long received, long? total, string reason, Exception? inner)
    {
        var of = total is { } size ? $" of {Describe(size)}" : string.Empty;
        var message = $"the download from {_source} broke off after {Describe(received)}{of}: {reason}; try again, or {ByHand}";
        return inner is null
            ? new DatasetDownloadException(message) { Remedy = DataRemedy.ProvideArchive }
            : new DatasetDownloadException(message, inner) { Remedy = DataRemedy.ProvideArchive };
    }

    /// <summary>A short reason for a network failure: "connection refused", "host name not found (DNS)", ...</summary>
    private static string ReasonOf(Exception ex)
    {
        switch ((ex as HttpRequestException)?.HttpRequestError)
        {
            case HttpRequestError.NameResolutionError:
                return "host name not found (DNS)";
            case HttpRequestError.SecureConnectionError:
                return "the secure connection (TLS) failed";
            case HttpRequestError.ProxyTunnelError:
                return "the proxy refused the connection";
            case HttpRequestError.ResponseEnded:
                return "the connection closed early";
            default:
                break;
        }

        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host name not found (DNS)",
                    SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NetworkDown => "network unreachable",
                    SocketError.TimedOut => "connection timed out",
                    SocketError.ConnectionReset or SocketError.ConnectionAborted => "connection reset",
                    _ => OneLine(socket.Message),
                };
            }

            if (inner is HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded })
            {
                return "the connection closed early";
            }
        }

        return OneLine(ex.Message);
    }

    private static string PhraseOf(HttpResponseMessage response) =>
        string.IsNullOrWhiteSpace(response.ReasonPhrase)
            ? WordBoundary().Replace(response.StatusCode.ToString(), " ")
            : OneLine(response.ReasonPhrase);

    private static string Describe(long bytes) =>
        bytes < 1024 * 1024 ? $"{bytes} bytes" : $"{bytes / (1024.0 * 1024.0):0.0} MB";

    private static string Describe(TimeSpan span) =>
        span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.#} s" : $"{span.TotalMilliseconds:0} ms";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex WordBoundary();
}
