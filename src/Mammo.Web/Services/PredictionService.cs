using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Learning.Training;
using Mammo.Reporting.Figures;
using Mammo.Runs;
using Mammo.Web.Api;

namespace Mammo.Web.Services;

/// <summary>
/// What <c>mammo predict</c> computes, for the web: the same model choice (<see cref="ModelCache.For"/>), the same
/// region classifier over the same ONNX Runtime export, the same heat map with the command's default radii and
/// tissue rule. Only the answer's shape differs.
/// </summary>
public sealed class PredictionService(ModelCache models)
{
    /// <param name="y">MIAS convention: pixels from the bottom edge.</param>
    public PredictionAnswer Classify(ListedRun run, GrayImage image, string imageName, double x, double y, double r)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(image);
        var (loaded, assignment) = models.For(new RunFolder(run.Path), imageName);
        var prediction = new RegionClassifier(loaded.Regions, loaded.Model.Config.Preprocessing).Classify(image, x, y, r);
        return new PredictionAnswer(
            run.Name, imageName, loaded.Model.Task.Name, prediction.X, prediction.Y, PatchGeometry.ImageRow(prediction.Y, image.Height), prediction.Radius,
            prediction.Label, prediction.Classes.Zip(prediction.Probabilities).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal),
            prediction.Variants, loaded.Model.Models, loaded.Model.Config.Leaky, loaded.Standing, assignment);
    }

    public async Task<HeatmapAnswer> MapAsync(ListedRun run, GrayImage image, string imageName, int top, DetectorKind detector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(image);
        var (loaded, assignment) = models.For(new RunFolder(run.Path), imageName);
        var windows = loaded.Windows(detector);
        detector = loaded.Resolve(detector);
        await loaded.HeatmapGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        HeatmapResult result;
        try
        {
            // Off the request thread: a pass takes about a second of both cores, and other requests keep being served.
            result = await Task.Run(() => new ScanHeatmap(windows, loaded.Model.Task.PositiveClass, loaded.Model.Config.Preprocessing).Compute(image, top), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            loaded.HeatmapGate.Release();
        }

        var overlay = PngImages.Overlay(result.Grid, score =>
        {
            var colour = HeatmapFigure.Colormap.GetColor(score);
            return (colour.R, colour.G, colour.B);
        });
        var task = loaded.Model.Task;
        var scored = result.Grid.Cast<double>().Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).ToList();
        return new HeatmapAnswer(
            run.Name, imageName, task.Name, $"p({task.ClassNames[task.PositiveClass]})", detector, ScanHeatmap.DefaultRadii,
            [.. result.Top.Select((t, i) => new RegionAnswer(i + 1, t.Column, t.Y, t.Row, t.Radius, t.Score))],
            image.Width, image.Height, "data:image/png;base64," + Convert.ToBase64String(overlay), scored.Min(), scored.Max(), result.Seconds, loaded.Standing, assignment);
    }
}
