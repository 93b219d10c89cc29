using Mammo.Data;
using Mammo.Imaging;
using Mammo.Reporting.Figures;
using Mammo.Web.Api;
using Mammo.Web.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mammo.Web.Endpoints;

/// <summary>/api/scans: the dataset's scans, their labels and pictures. Only ids of the loaded dataset are served.</summary>
public static class ScansEndpoints
{
    public static RouteGroupBuilder MapScans(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/scans");
        group.MapGet("/", (DatasetCatalog catalog) => new ScanListing(
            catalog.Dataset.Scans.Count, catalog.Dataset.Excluded.Count, Path.GetFileName(catalog.Dataset.Source.Path), [.. catalog.Dataset.Scans.Select(Summary)]));
        // Opening a scan's page or image is what comes before a prediction on it: its pixels are decoded meanwhile.
        group.MapGet("/{id}", (string id, DatasetCatalog catalog) =>
        {
            if (catalog.Find(id) is not { } scan)
            {
                return NoScan(id);
            }

            catalog.Prefetch(scan);
            return Results.Json(Detail(scan));
        });
        group.MapGet("/{id}/image", async (string id, DatasetCatalog catalog, CancellationToken cancellationToken) =>
        {
            if (catalog.Find(id) is not { } scan)
            {
                return NoScan(id);
            }

            catalog.Prefetch(scan);
            return ApiResponses.Png(await catalog.ImageAsync(scan, cancellationToken).ConfigureAwait(false), cacheable: true);
        });
        group.MapGet("/{id}/thumbnail", async (string id, DatasetCatalog catalog, CancellationToken cancellationToken) =>
            catalog.Find(id) is { } scan ? ApiResponses.Png(await catalog.ThumbnailAsync(scan, cancellationToken).ConfigureAwait(false), cacheable: true) : NoScan(id));
        group.MapGet("/{id}/lesions/{index:int}/variants", (string id, int index, DatasetCatalog catalog) =>
        {
            if (catalog.Find(id) is not { } scan)
            {
                return NoScan(id);
            }

            // As `mammo show` cuts it: the lesion's region planned from the labels, its 8 dihedral variants at 48×48.
            var extractor = new PatchExtractor(new PatchOptions { Variants = VariantScheme.Dihedral });
            var origins = extractor.Plan([scan]).Origins;
            var origin = scan.IsNormal ? (origins.Count > 0 ? origins[0] : null) : origins.FirstOrDefault(o => o.Lesion!.Index == index);
            if (origin is null)
            {
                return ApiResponses.NotFound($"{scan.Id} has no located lesion {index}");
            }

            var variants = extractor.Augment(origin, extractor.Cut(catalog.Decode(scan), origin)).ToList();
            return ApiResponses.Png(VariantGallery.RenderPng(variants), cacheable: true);
        });
        return group;
    }

    public static ScanSummary Summary(Scan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return new ScanSummary(scan.Id, scan.Patient.ToString(), scan.Tissue, scan.IsNormal,
            [.. scan.Lesions.Select(l => l.Class).Distinct()], [.. scan.Lesions.Select(l => l.Severity).Distinct()], scan.Lesions.Count);
    }

    public static ScanDetail Detail(Scan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var several = scan.Lesions.Count > 1;
        return new ScanDetail(scan.Id, scan.Patient.ToString(), scan.Tissue, scan.Width ?? MiasDataset.ImageSize, scan.Height ?? MiasDataset.ImageSize,
            [.. scan.Lesions.Select(l => new LesionInfo(l.Index, l.Class, l.Class.Code(), l.Severity, l.Location?.X, l.Location?.Y, l.Location?.Radius, l.Note, ScanFigure.LesionLabel(l, several)))],
            $"/api/scans/{scan.Id}/image");
    }

    private static IResult NoScan(string id) => ApiResponses.NotFound($"{id}: no such scan in the dataset");
}
