using System.Net.Sockets;
using System.Text;

namespace Mammo.Tests.Web;

/// <summary>
/// Sends a request line exactly as written: HttpClient (and Uri) would resolve <c>..</c> and re-encode the path
/// before sending, so a traversal attempt must be typed by hand to reach the server as an attacker would send it.
/// HTTP/1.0, so that the answer comes unchunked.
/// </summary>
public static class RawHttp
{
    public static async Task<(int Status, string Body)> GetAsync(Uri server, string target, string? host = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        var request = Encoding.ASCII.GetBytes($"GET {target} HTTP/1.0\r\nHost: {host ?? $"{server.Host}:{server.Port}"}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var body = response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        return (status, body);
    }
}
