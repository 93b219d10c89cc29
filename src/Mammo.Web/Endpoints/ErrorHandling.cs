using System.Text.Json;
using Mammo.Imaging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mammo.Web.Endpoints;

/// <summary>
/// Turns every failure into JSON with a status: what the user can fix is a 4xx with Mammo's own one-line message;
/// a bug is a 500 saying so, its stack trace going to the server's log only, never to the page.
/// </summary>
public sealed partial class ErrorHandling(RequestDelegate next, ILogger<ErrorHandling> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            var (status, message) = Describe(e);
            if (status >= 500)
            {
                LogBug(logger, context.Request.Path, e);
            }

            await ApiResponses.WriteAsync(context, status, message).ConfigureAwait(false);
        }
    }

    public static (int Status, string Message) Describe(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Describe(a.InnerExceptions[0]),
        ImageTooLargeException => (StatusCodes.Status413PayloadTooLarge, e.Message),
        BadHttpRequestException b => (b.StatusCode, b.Message),
        InvalidDataException => (StatusCodes.Status413PayloadTooLarge, "the upload is larger than the server accepts"),
        MammoException => (StatusCodes.Status400BadRequest, e.Message),
        JsonException => (StatusCodes.Status400BadRequest, "the request body is not the JSON expected: " + e.Message),
        _ => (StatusCodes.Status500InternalServerError, "internal error (a bug; the server's log has the details)"),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "request {Path} failed")]
    private static partial void LogBug(ILogger logger, PathString path, Exception exception);
}
