using Microsoft.AspNetCore.Http;

namespace Mammo.Web.Security;

/// <summary>
/// Refuses, as not found, any request whose path tries to step outside what is listed: a <c>..</c> segment, an
/// encoded separator or dot (<c>%2F</c>, <c>%5C</c>, <c>%2E</c>), a backslash, or a doubled slash. Ids are looked up
/// in the listings anyway; this stops a crafted path before any handler sees it.
/// </summary>
public static class PathFilter
{
    public static bool IsSuspicious(string rawTarget)
    {
        ArgumentNullException.ThrowIfNull(rawTarget);
        var path = rawTarget.Split('?', 2)[0];
        return path.Contains("..", StringComparison.Ordinal)
            || path.Contains('\\', StringComparison.Ordinal)
            || path.Contains("//", StringComparison.Ordinal)
            || path.Contains("%2f", StringComparison.OrdinalIgnoreCase)
            || path.Contains("%5c", StringComparison.OrdinalIgnoreCase)
            || path.Contains("%2e", StringComparison.OrdinalIgnoreCase)
            || path.Contains("%00", StringComparison.OrdinalIgnoreCase)
            || path.Contains("%25", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The raw request target as the client sent it (Kestrel decodes <see cref="HttpRequest.Path"/>).</summary>
    public static string RawTarget(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? string.Empty;
    }
}
