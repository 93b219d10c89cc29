using System.Net;
using System.Net.Sockets;
using Mammo.Tests.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Mammo.Tests.Cli;

public sealed class ShowAndDownloadTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TempFolder _outputs = new();

    public ShowAndDownloadTests()
    {
        SyntheticMias.Write(_folder.Path, ["mdb001 G CIRC B 300 700 40", "mdb001 G CIRC M 700 300 30", "mdb002 G NORM"], size: 1024);
    }

    public void Dispose()
    {
        _folder.Dispose();
        _outputs.Dispose();
    }

    [Fact]
    public void Show_writes_the_scan_figure_and_the_chosen_lesions_gallery()
    {
        var figure = _outputs.File("out/mdb001.png");

        var result = CliRunner.Run("show", "mdb001", "--data", _folder.Path, "--out", figure, "--lesion", "1", "--width", "600");

        Assert.Equal(0, result.ExitCode);
        using var scan = Image.Load<Rgba32>(figure);
        Assert.Equal(600, scan.Width);
        using var gallery = Image.Load<Rgba32>(_outputs.File("out/mdb001-1-variants.png"));
        Assert.True(gallery.Width > 400);
        Assert.Contains("8 variants of mdb001-1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_names_an_unknown_scan_or_lesion()
    {
        var unknown = CliRunner.Run("show", "mdb777", "--data", _folder.Path, "--out", _outputs.File("x.png"));
        var lesion = CliRunner.Run("show", "mdb001", "--data", _folder.Path, "--out", _outputs.File("y.png"), "--lesion", "5");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("mdb777: no such scan", unknown.Errors, StringComparison.Ordinal);
        Assert.Equal(1, lesion.ExitCode);
        Assert.Contains("mdb001 has no located lesion 5 (located: 0, 1)", lesion.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Download_from_an_unreachable_address_fails_in_one_line_and_leaves_no_file()
    {
        // A port that was free a moment ago: nothing listens there, so the connection is refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var target = _folder.File("dl/all-mias.tar.gz");

        var result = CliRunner.Run("download", "--url", $"http://127.0.0.1:{port}/all-mias.tar.gz", "--out", target, "--timeout", "5");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot reach 127.0.0.1", result.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.False(File.Exists(target + ".partial"));
    }
}
