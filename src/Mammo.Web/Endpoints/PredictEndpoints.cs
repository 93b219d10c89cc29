using System.Globalization;
using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Storage;
using Mammo.Web.Api;
using Mammo.Web.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Mammo.Web.Endpoints;

/// <summary>
/// POST /api/predict: a region (x, y, r) of a dataset scan or an uploaded image classified, or without a region the
/// whole image mapped. JSON names a dataset scan; a multipart form carries an image file (decoded in memory, never
/// stored) and the same fields as form values.
/// </summary>
public static class PredictEndpoints
{
    public const int MaxTop = 20;

    public static RouteGroupBuilder MapPredict(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/predict");
        group.MapPost("/", async (HttpContext context, WebOptions options, RunCatalog runs, DatasetCatalog dataset, UploadStore uploads, PredictionService predictions) =>
        {
            var request = context.Request;
            if (request.ContentLength is { } length && length > options.MaxUploadBytes + (64 << 10))
            {
                return ApiResponses.TooLarge($"the request is {length} bytes, more than the {options.MaxUploadBytes} bytes the server accepts");
            }

            PredictRequest query;
            GrayImage image;
            string imageName;
            if (request.HasFormContentType)
            {
                var form = await ReadFormAsync(context, options).ConfigureAwait(false);
                query = FromForm(form);
                (imageName, image) = await ReadImageAsync(form, options, context.RequestAborted).ConfigureAwait(false);
            }
            else
            {
                query = await request.ReadFromJsonAsync<PredictRequest>(WebJson.Options, context.RequestAborted).ConfigureAwait(false)
                    ?? throw new InvalidSettingException("request", "an empty request: send {\"run\", \"scan\", \"x\", \"y\", \"r\"}");
                if (query.Upload is { Length: > 0 } id)
                {
                    if (uploads.Find(id) is not { } upload)
                    {
                        return ApiResponses.NotFound($"{id}: no such upload (the server keeps the last {UploadStore.Capacity}, in memory)");
                    }

                    (imageName, image) = (upload.Name, upload.Image);
                }
                else if (string.IsNullOrEmpty(query.Scan) || dataset.Find(query.Scan) is not { } scan)
                {
                    return ApiResponses.NotFound($"{query.Scan}: no such scan in the dataset");
                }
                else
                {
                    (imageName, image) = (scan.FileName, dataset.Decode(scan));
                }
            }

            if (string.IsNullOrEmpty(query.Run) || runs.Find(query.Run) is not { Kind: RunKind.Run } run)
            {
                return ApiResponses.NotFound($"{query.Run}: no such run under the runs folder");
            }

            if (query is { X: null, Y: null, R: null })
            {
                var top = query.Top ?? 5;
                return top is < 1 or > MaxTop
                    ? ApiResponses.BadRequest($"top {top}: must be 1..{MaxTop}")
                    : Results.Json(await predictions.MapAsync(run, image, imageName, top, query.Detector ?? DetectorKind.Auto, context.RequestAborted).ConfigureAwait(false));
            }

            if (query is not { X: { } x, Y: { } y, R: { } r })
            {
                return ApiResponses.BadRequest("give all of x, y and r for a region, or none of them for a heat map");
            }

            if (query.Detector is { } detector && detector is not (DetectorKind.Network or DetectorKind.Auto))
            {
                return ApiResponses.BadRequest("detector chooses what scores a heat map's windows; a region is classified by the run's network");
            }

            var miasY = query.Origin == CoordinateOrigin.TopLeft ? PatchGeometry.MiasY(y, image.Height) : y;
            return Results.Json(predictions.Classify(run, image, imageName, x, miasY, r));
        }).DisableAntiforgery();
        app.MapPost("/api/uploads", async (HttpContext context, WebOptions options, UploadStore uploads) =>
        {
            if (!context.Request.HasFormContentType)
            {
                return ApiResponses.BadRequest("send the image as multipart/form-data, in a file field named 'image'");
            }

            if (context.Request.ContentLength is { } length && length > options.MaxUploadBytes + (64 << 10))
            {
                return ApiResponses.TooLarge($"the request is {length} bytes, more than the {options.MaxUploadBytes} bytes the server accepts");
            }

            var form = await ReadFormAsync(context, options).ConfigureAwait(false);
            var (name, image) = await ReadImageAsync(form, options, context.RequestAborted).ConfigureAwait(false);
            var upload = uploads.Add(name, image);
            return Results.Json(new UploadAnswer(upload.Id, upload.Name, image.Width, image.Height, $"/api/uploads/{upload.Id}/image"));
        }).DisableAntiforgery();
        app.MapGet("/api/uploads/{id}/image", (string id, UploadStore uploads) =>
            uploads.Find(id) is { } upload ? ApiResponses.Png(upload.Png) : ApiResponses.NotFound($"{id}: no such upload"));
        return group;
    }

    /// <exception cref="BadHttpRequestException">413: the form is over the upload limit.</exception>
    private static async Task<IFormCollection> ReadFormAsync(HttpContext context, WebOptions options)
    {
        try
        {
            return await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = options.MaxUploadBytes }, context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new BadHttpRequestException($"the upload is larger than the {options.MaxUploadBytes} bytes the server accepts", StatusCodes.Status413PayloadTooLarge, e);
        }
    }

    /// <exception cref="InvalidSettingException">No file in the form.</exception>
    /// <exception cref="ImageTooLargeException">Its header claims more pixels than the limit.</exception>
    private static async Task<(string Name, GrayImage Image)> ReadImageAsync(IFormCollection form, WebOptions options, CancellationToken cancellationToken)
    {
        var file = form.Files.GetFile("image") ?? (form.Files.Count > 0 ? form.Files[0] : null)
            ?? throw new InvalidSettingException("image", "the form needs the image as a file field named 'image'");
        if (file.Length > options.MaxUploadBytes)
        {
            throw new BadHttpRequestException($"{file.FileName}: {file.Length} bytes, more than the {options.MaxUploadBytes} bytes the server accepts", StatusCodes.Status413PayloadTooLarge);
        }

        // Decoded from memory: an upload never touches the disk, let alone the data or run folders.
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        return (string.IsNullOrEmpty(name) ? "upload" : name, ScanImageReader.Read(buffer.ToArray(), string.IsNullOrEmpty(name) ? "upload" : name, options.Limits));
    }

    private static PredictRequest FromForm(IFormCollection form)
    {
        double? Number(string key) => form.TryGetValue(key, out var v) && !string.IsNullOrEmpty(v)
            ? double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : throw new InvalidSettingException(key, $"{key} '{v}': expected a number")
            : null;
        var origin = form["origin"].ToString() switch
        {
            "" or "mias" => CoordinateOrigin.Mias,
            "top-left" => CoordinateOrigin.TopLeft,
            var other => throw new InvalidSettingException("origin", $"origin '{other}': expected mias or top-left"),
        };
        var top = Number("top");
        var text = form["detector"].ToString();
        DetectorKind? detector = text.Length == 0 ? null
            : EnumNames.TryParse<DetectorKind>(text, out var kind) ? kind
            : throw new InvalidSettingException("detector", $"detector '{text}': expected {string.Join(", ", EnumNames.All<DetectorKind>())}");
        return new PredictRequest(form["run"].ToString(), null, Number("x"), Number("y"), Number("r"), origin, top is { } t ? (int)t : null, Detector: detector);
    }
}
