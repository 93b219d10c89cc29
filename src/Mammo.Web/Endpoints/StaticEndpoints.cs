using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mammo.Web.Endpoints;

/// <summary>
/// The page itself: three files embedded in this assembly, served by fixed names. The page loads nothing from
/// anywhere else (docs/web.md says why).
/// </summary>
public static class StaticEndpoints
{
    private static readonly Dictionary<string, string> s_files = new(StringComparer.Ordinal)
    {
        ["/"] = "index.html",
        ["/app.css"] = "app.css",
        ["/app.js"] = "app.js",
    };

    public static IEndpointRouteBuilder MapPage(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var (route, file) in s_files)
        {
            var content = Read(file);
            var type = Path.GetExtension(file) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                _ => "text/javascript; charset=utf-8",
            };
            app.MapGet(route, (HttpContext context) =>
            {
                // The page's policy: its own origin only, so that even a mistake cannot pull in a script or a font from elsewhere.
                context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.Bytes(content, type);
            });
        }

        return app;
    }

    private static byte[] Read(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("wwwroot/" + file)
            ?? throw new InvalidOperationException($"wwwroot/{file} is not embedded in Mammo.Web");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
