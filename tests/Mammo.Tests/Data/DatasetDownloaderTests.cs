using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Mammo.Data;

namespace Mammo.Tests.Data;

/// <summary>
/// Downloads from a tiny HTTP server on 127.0.0.1 started by each test; nothing else is ever contacted
/// (the client used here has no proxy). Every server accepts a bounded number of connections and stops
/// after a bounded time.
/// </summary>
public sealed class DatasetDownloaderTests : IDisposable
{
    private const int ScanCount = 3;
    private static readonly TimeSpan s_testTimeout = TimeSpan.FromSeconds(5);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mammo-download-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = s_testTimeout })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    public DatasetDownloaderTests()
    {
        Directory.CreateDirectory(_folder);
    }

    private string Destination => Path.Combine(_folder, "all-mias.tar.gz");

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Download_saves_the_archive_reports_progress_and_leaves_no_partial_file()
    {
        var archive = BuildArchive(ScanCount, withLabels: true);
        await using var server = LoopbackServer.Start(stream => WriteResponseAsync(stream, "200 OK", archive, chunks: 4));
        using var downloader = Downloader(server.Url);
        var progress = new RecordingProgress();

        var contents = await downloader.DownloadAsync(Destination, progress, CancellationToken.None);

        Assert.Equal(new ArchiveContents(ScanCount, HasLabels: true), contents);
        Assert.Equal(archive, await File.ReadAllBytesAsync(Destination));
        Assert.Equal([Destination], Directory.GetFiles(_folder));
        Assert.NotEmpty(progress.Reports);
        Assert.Equal(new DownloadProgress(0, archive.Length), progress.Reports[0]);
        Assert.Equal(new DownloadProgress(archive.Length, archive.Length), progress.Reports[^1]);
        Assert.Equal(1.0, progress.Reports[^1].Fraction);
        Assert.True(progress.Reports.Zip(progress.Reports.Skip(1)).All(p => p.First.BytesReceived <= p.Second.BytesReceived));
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task Download_replaces_an_existing_file_and_creates_missing_folders()
    {
        var archive = BuildArchive(ScanCount, withLabels: true);
        await using var server = LoopbackServer.Start(stream => WriteResponseAsync(stream, "200 OK", archive));
        using var downloader = Downloader(server.Url);
        var destination = Path.Combine(_folder, "data", "mias", "all-mias.tar.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        await File.WriteAllTextAsync(destination, "old");

        await downloader.DownloadAsync(destination);

        Assert.Equal(archive, await File.ReadAllBytesAsync(destination));
        Assert.False(File.Exists(DatasetDownloader.PartialPathFor(destination)));
    }

    [Fact]
    public async Task Download_without_content_length_still_works()
    {
        var archive = BuildArchive(ScanCount, withLabels: true);
        await using var server = LoopbackServer.Start(stream => WriteResponseAsync(stream, "200 OK", archive, contentLength: null));
        using var downloader = Downloader(server.Url);
        var progress = new RecordingProgress();

        await downloader.DownloadAsync(Destination, progress);

        Assert.Equal(archive, await File.ReadAllBytesAsync(Destination));
        Assert.Equal(new DownloadProgress(archive.Length, null), progress.Reports[^1]);
        Assert.Null(progress.Reports[^1].Fraction);
    }

    [Fact]
    public async Task Download_of_a_404_names_the_status_and_leaves_no_file()
    {
        await using var server = LoopbackServer.Start(
            stream => WriteResponseAsync(stream, "404 Not Found", Encoding.ASCII.GetBytes("<html>no such file</html>")));
        using var downloader = Downloader(server.Url);

        var ex = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadAsync(Destination));

        Assert.Equal($"404 Not Found from {server.Url}", ex.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Download_from_a_closed_port_says_it_cannot_reach_the_host_and_leaves_no_file()
    {
        var port = ClosedPort();
        using var downloader = Downloader(new Uri($"http://127.0.0.1:{port}/all-mias.tar.gz"));

        var ex = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadAsync(Destination));

        Assert.Equal($"cannot reach 127.0.0.1:{port}: connection refused; download the archive by hand", ex.Message);
        Assert.Equal(DataRemedy.ProvideArchive, ex.Remedy);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Download_from_a_server_that_never_answers_times_out_as_unreachable()
    {
        await using var server = LoopbackServer.Start(StallAsync);
        using var downloader = Downloader(server.Url, TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadAsync(Destination));

        Assert.Equal($"cannot reach {server.Url.Authority}: no answer within 300 ms; download the archive by hand", ex.Message);
        Assert.Equal(DataRemedy.ProvideArchive, ex.Remedy);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Download_that_stalls_half_way_times_out_and_leaves_no_file()
    {
        var archive = BuildArchive(ScanCount, withLabels: true);
        await using var server = LoopbackServer.Start(async stream =>
        {
            await WriteResponseAsync(stream, "200 OK", archive[..(archive.Length / 2)], contentLength: archive.Length, close: false);
            await StallAsync(stream);
        });
        using var downloader = Downloader(server.Url, TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadAsync(Destination));

        Assert.StartsWith($"the download from {server.Url} broke off after {archive.Length / 2} bytes of {archive.Length} bytes: no data for 300 ms;", ex.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Download_cut_short_before_the_announced_length_leaves_no_file()
    {
        var archive = BuildArchive(ScanCount, withLabels: true);
        await using var server = LoopbackServer.Start(
            stream => WriteResponseAsync(stream, "200 OK", archive[..(archive.Length / 2)], contentLength: archive.Length));
        using var downloader = Downloader(server.Url);

        var ex = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadAsync(Destination));

        Assert.Contains("broke off after", ex.Message);
        Assert.Contains("the connection closed early", ex.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(100)]
    public async Task Download_of_a_truncated_archive_says_it_is_incomplete_and_leaves_no_file(int bytesCut)
    {
        var archive = BuildArchive(ScanCount, withLabels: true);
        var truncated = archive[..^bytesCut];
        // No Content-Length: the body ends when the connection closes, so only the archive check can tell.
        await using var server = LoopbackServer.Start(stream => WriteResponseAsync(stream, "200 OK", truncated, contentLength: null));
        using var downloader = Downloader(server.Url);

        var ex = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadAsync(Destination));

        Assert.StartsWith($"the file from {server.Url} is not a usable archive: it is incomplete", ex.Message);
        Assert.EndsWith("download the archive by hand", ex.Message);
        Assert.Equal(DataRemedy.ProvideArchive, ex.Remedy);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Download_of_corrupt_gzip_data_leaves_no_file()
    {
        var archive = BuildArchive(ScanCount, withLabels: true);
        var corrupt = (byte[])archive.Clone();
        for (var i = 20; i < corrupt.Length - 20; i += 7)
        {
            corrupt[i] ^= 0x5A;
        }

        await using var server = LoopbackServer.Start(stream => WriteResponseAsync(stream, "200 OK", corrupt));
        using var downloader = Downloader(server.Url);

        var ex = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadAsync(Destination));

        Assert.StartsWith($"the file from {server.Url} is not a usable archive: it is", ex.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Download_of_a_web_page_instead_of_the_archive_says_so()
    {
        var page = Encoding.ASCII.GetBytes("<!DOCTYPE html><html><body>Please log in</body></html>");
        await using var server = LoopbackServer.Start(stream => WriteResponseAsync(stream, "200 OK", page));
        using var downloader = Downloader(server.Url);

        var ex = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadAsync(Destination));

        Assert.StartsWith($"the file from {server.Url} is not a usable archive: it is not gzip-compressed (it looks like a web page);", ex.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Download_with_the_wrong_number_of_scans_leaves_no_file()
    {
        var archive = BuildArchive(ScanCount - 1, withLabels: true);
        await using var server = LoopbackServer.Start(stream => WriteResponseAsync(stream, "200 OK", archive));
        using var downloader = Downloader(server.Url);

        var ex = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadAsync(Destination));

        Assert.Equal($"the archive from {server.Url} holds 2 scans (mdbNNN.pgm); expected 3", ex.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Download_of_an_archive_without_labels_leaves_no_file()
    {
        var archive = BuildArchive(ScanCount, withLabels: false);
        await using var server = LoopbackServer.Start(stream => WriteResponseAsync(stream, "200 OK", archive));
        using var downloader = Downloader(server.Url);

        var ex = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadAsync(Destination));

        Assert.Equal($"the archive from {server.Url} has no Info.txt (the labels)", ex.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Failed_downloads_do_not_clobber_an_existing_file()
    {
        var good = BuildArchive(ScanCount, withLabels: true);
        await File.WriteAllBytesAsync(Destination, good);
        var partial = DatasetDownloader.PartialPathFor(Destination);
        var responses = new Func<NetworkStream, Task>[]
        {
            stream => WriteResponseAsync(stream, "404 Not Found", []),
            stream => WriteResponseAsync(stream, "200 OK", good[..^50], contentLength: null),
            stream => WriteResponseAsync(stream, "200 OK", good[..100], contentLength: good.Length),
            stream => WriteResponseAsync(stream, "200 OK", BuildArchive(ScanCount + 1, withLabels: true)),
        };
        var next = 0;
        await using var server = LoopbackServer.Start(stream => responses[next++](stream), maxConnections: responses.Length);
        using var downloader = Downloader(server.Url);

        for (var i = 0; i < responses.Length; i++)
        {
            await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadAsync(Destination));
            Assert.Equal(good, await File.ReadAllBytesAsync(Destination));
            Assert.False(File.Exists(partial));
        }

        Assert.Equal(responses.Length, server.Requests);
    }

    [Fact]
    public async Task Cancelling_a_download_deletes_the_partial_file()
    {
        var archive = BuildArchive(ScanCount, withLabels: true);
        await File.WriteAllTextAsync(Destination, "old");
        await using var server = LoopbackServer.Start(async stream =>
        {
            await WriteResponseAsync(stream, "200 OK", archive[..(archive.Length / 2)], contentLength: archive.Length, close: false);
            await StallAsync(stream);
        });
        using var downloader = Downloader(server.Url);
        using var cancel = new CancellationTokenSource(s_testTimeout);
        var partialExisted = false;
        var progress = new RecordingProgress(_ =>
        {
            // The first report comes once the response has started and the partial file is open.
            partialExisted = File.Exists(DatasetDownloader.PartialPathFor(Destination));
            cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => downloader.DownloadAsync(Destination, progress, cancel.Token));

        Assert.True(partialExisted);
        Assert.Equal("old", await File.ReadAllTextAsync(Destination));
        Assert.Equal([Destination], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Archive_check_counts_scans_in_any_folder_and_finds_the_labels()
    {
        var path = Path.Combine(_folder, "check.tar.gz");
        File.WriteAllBytes(path, BuildArchive(
            [
                "all-mias/mdb001.pgm", "all-mias/mdb002.pgm", "mdb003.pgm", "deep/er/mdb322.pgm",
                "all-mias/mdb001.pgm", // a duplicate counts once
                "mdb04.pgm", "mdb0001.pgm", "mdb005.png", "MDB006.PGM", "xmdb007.pgm", "all-mias/README",
                "all-mias/Info.txt",
            ],
            directories: ["all-mias/", "all-mias/mdb008.pgm/"]));

        Assert.Equal(new ArchiveContents(4, HasLabels: true), MiasArchiveCheck.Inspect(path));
    }

    [Fact]
    public void Archive_check_reports_a_broken_file_with_its_path()
    {
        var path = Path.Combine(_folder, "broken.tar.gz");
        File.WriteAllBytes(path, BuildArchive(ScanCount, withLabels: true)[..^30]);

        var ex = Assert.Throws<MammoDataException>(() => MiasArchiveCheck.Inspect(path));

        Assert.StartsWith($"{path}: it is incomplete", ex.Message);
    }

    [Fact]
    public void Archive_check_rejects_a_file_that_is_not_gzip()
    {
        var path = Path.Combine(_folder, "plain.tar");
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("not an archive at all"));

        var ex = Assert.Throws<MammoDataException>(() => MiasArchiveCheck.Inspect(path));

        Assert.Equal($"{path}: it is not gzip-compressed", ex.Message);
    }

    [Fact]
    public void Downloader_defaults_to_the_official_archive()
    {
        using var downloader = new DatasetDownloader(_http);

        Assert.Equal(new Uri("http://peipa.essex.ac.uk/pix/mias/all-mias.tar.gz"), downloader.Source);
        Assert.Equal(322, downloader.ExpectedScanCount);
        Assert.Throws<ArgumentException>(() => new DatasetDownloader(_http) { Source = new Uri("ftp://127.0.0.1/x.tar.gz") });
    }

    private DatasetDownloader Downloader(Uri source, TimeSpan? timeout = null) =>
        new(_http) { Source = source, ExpectedScanCount = ScanCount, Timeout = timeout ?? s_testTimeout };

    private static byte[] BuildArchive(int scans, bool withLabels)
    {
        var names = Enumerable.Range(1, scans).Select(i => $"all-mias/mdb{i:000}.pgm").ToList();
        names.Add("all-mias/README");
        if (withLabels)
        {
            names.Add("all-mias/Info.txt");
        }

        return BuildArchive([.. names], directories: ["all-mias/"]);
    }

    private static byte[] BuildArchive(string[] files, string[] directories)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var directory in directories)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, directory));
            }

            for (var i = 0; i < files.Length; i++)
            {
                // A tiny 4x2 PGM with pseudo-random pixels, so the gzip data is not all repeats.
                var random = new Random(i);
                var pixels = new byte[8 + 2000];
                random.NextBytes(pixels);
                var content = Encoding.ASCII.GetBytes("P5\n4 2\n255\n").Concat(pixels).ToArray();
                var entry = new PaxTarEntry(TarEntryType.RegularFile, files[i]) { DataStream = new MemoryStream(content) };
                tar.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    private static async Task WriteResponseAsync(
        NetworkStream stream, string status, byte[] body, int chunks = 1, long? contentLength = -1, bool close = true)
    {
        var length = contentLength == -1 ? body.Length : contentLength;
        var head = new StringBuilder()
            .Append($"HTTP/1.1 {status}\r\n")
            .Append("Content-Type: application/x-gzip\r\n")
            .Append(length is { } n ? $"Content-Length: {n}\r\n" : string.Empty)
            .Append("Connection: close\r\n\r\n")
            .ToString();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var size = Math.Max(1, (body.Length + chunks - 1) / chunks);
        for (var offset = 0; offset < body.Length; offset += size)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(size, body.Length - offset)));
            await stream.FlushAsync();
        }

        if (close)
        {
            stream.Socket.Shutdown(SocketShutdown.Send);
        }
    }

    /// <summary>Sends nothing more until the client gives up (or the server's time is up).</summary>
    private static async Task StallAsync(NetworkStream stream)
    {
        var buffer = new byte[256];
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (await stream.ReadAsync(buffer, limit.Token) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The client hung up, or the stall lasted long enough.
        }
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Records reports as they are made (unlike <see cref="Progress{T}"/>, which posts them later).</summary>
    private sealed class RecordingProgress(Action<DownloadProgress>? onReport = null) : IProgress<DownloadProgress>
    {
        private readonly List<DownloadProgress> _reports = [];

        public IReadOnlyList<DownloadProgress> Reports
        {
            get
            {
                lock (_reports)
                {
                    return [.. _reports];
                }
            }
        }

        public void Report(DownloadProgress value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }

            onReport?.Invoke(value);
        }
    }

    /// <summary>
    /// A minimal HTTP/1.1 server on 127.0.0.1 and a free port: it reads each request's head, counts it and
    /// hands the connection to a responder that writes raw bytes. It accepts at most
    /// <c>maxConnections</c> connections, one at a time, and gives up after 20 seconds.
    /// </summary>
    private sealed class LoopbackServer : IAsyncDisposable
    {
        private const int MaxRequestHead = 16 * 1024;

        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(20));
        private readonly Func<NetworkStream, Task> _respond;
        private readonly int _maxConnections;
        private Task _loop = Task.CompletedTask;
        private int _requests;

        private LoopbackServer(Func<NetworkStream, Task> respond, int maxConnections)
        {
            _respond = respond;
            _maxConnections = maxConnections;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/pix/mias/all-mias.tar.gz");
        }

        public Uri Url { get; }

        public int Requests => Volatile.Read(ref _requests);

        public static LoopbackServer Start(Func<NetworkStream, Task> respond, int maxConnections = 1)
        {
            var server = new LoopbackServer(respond, maxConnections);
            server._loop = Task.Run(server.RunAsync);
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try
            {
                await _loop;
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
            {
                // Stopped while waiting for a client.
            }

            _stop.Dispose();
        }

        private async Task RunAsync()
        {
            for (var i = 0; i < _maxConnections; i++)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                await using (stream)
                {
                    if (!await ReadRequestHeadAsync(stream))
                    {
                        continue;
                    }

                    Interlocked.Increment(ref _requests);
                    try
                    {
                        await _respond(stream);
                    }
                    catch (IOException)
                    {
                        // The client hung up while we were writing.
                    }
                }
            }
        }

        private async Task<bool> ReadRequestHeadAsync(NetworkStream stream)
        {
            var head = new List<byte>();
            var buffer = new byte[1024];
            while (head.Count < MaxRequestHead)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return false;
                }

                head.AddRange(buffer.AsSpan(0, read));
                if (head.Count >= 4 && Encoding.ASCII.GetString([.. head]).Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
