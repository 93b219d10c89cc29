using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Mammo.Web.Security;

/// <summary>
/// The token every request must carry when the server listens beyond this machine: as <c>Authorization: Bearer</c>,
/// an <c>X-Mammo-Token</c> header, a <c>token</c> query parameter (the printed URL), or the cookie set when the page
/// was opened with one (so that the page's images load without putting the token in every address).
/// </summary>
public sealed class AccessToken(string value)
{
    public const string Header = "X-Mammo-Token";
    public const string Cookie = "mammo_token";
    public const string Query = "token";

    private readonly byte[] _value = Encoding.UTF8.GetBytes(value ?? throw new ArgumentNullException(nameof(value)));

    public string Value { get; } = value;

    /// <summary>256 random bits, URL-safe.</summary>
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>127.0.0.0/8, ::1 and "localhost"; any other host is reachable from elsewhere.</summary>
    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    public bool Allows(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var bearer = request.Headers.Authorization.ToString();
        string?[] offered =
        [
            bearer.StartsWith("Bearer ", StringComparison.Ordinal) ? bearer["Bearer ".Length..] : null,
            request.Headers[Header].ToString(),
            request.Query[Query].ToString(),
            request.Cookies[Cookie],
        ];
        return offered.Any(Matches);
    }

    // Compared in constant time, so response timing says nothing about how much of a guess was right.
    private bool Matches(string? candidate) =>
        !string.IsNullOrEmpty(candidate) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _value);
}
