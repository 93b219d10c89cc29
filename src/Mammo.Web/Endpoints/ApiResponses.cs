using Mammo.Web.Api;
using Microsoft.AspNetCore.Http;

namespace Mammo.Web.Endpoints;

/// <summary>The API's error answers: JSON <c>{"error": ...}</c> with a 4xx status.</summary>
public static class ApiResponses
{
    public static IResult NotFound(string message) => Results.Json(new ApiError(message), statusCode: StatusCodes.Status404NotFound);

    public static IResult BadRequest(string message) => Results.Json(new ApiError(message), statusCode: StatusCodes.Status400BadRequest);

    public static IResult TooLarge(string message) => Results.Json(new ApiError(message), statusCode: StatusCodes.Status413PayloadTooLarge);

    public static IResult Png(byte[] png, bool cacheable = false) =>
        cacheable ? new CachedResult(Results.Bytes(png, "image/png")) : Results.Bytes(png, "image/png");

    /// <summary>Writes an error directly, for middleware that runs before any endpoint.</summary>
    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Clear();
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(message), WebJson.Options, context.RequestAborted);
    }

    // Scan pictures never change for a given dataset, so the browser may keep them (the grid's second paint is free).
    private sealed class CachedResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers.CacheControl = "private, max-age=86400";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
