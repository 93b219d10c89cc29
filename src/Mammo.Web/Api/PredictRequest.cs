namespace Mammo.Web.Api;

/// <summary>
/// POST /api/predict as JSON: a listed run and a dataset scan; with x, y and r the region is classified, without them
/// the whole scan is mapped. <see cref="Top"/> is how many heat-map regions to list (default 5). <see cref="Upload"/>
/// names an image uploaded earlier (POST /api/uploads) instead of a scan. <see cref="Detector"/> chooses what scores a
/// heat map's windows, as <c>mammo predict --detector</c> (default the run's network).
/// </summary>
public sealed record PredictRequest(string? Run, string? Scan, double? X, double? Y, double? R, CoordinateOrigin? Origin, int? Top, string? Upload = null, Mammo.Learning.Inference.DetectorKind? Detector = null);
