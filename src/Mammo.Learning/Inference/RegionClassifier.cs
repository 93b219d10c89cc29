using Mammo.Imaging;
using Mammo.Preprocessing;

namespace Mammo.Learning.Inference;

/// <summary>
/// Classifies a region of a mammogram the way the run's test lesions were scored, by the run's
/// <see cref="PatchPipeline"/>: its crop rule applied to the region's radius (the square of radius r for the
/// lesion rule), resized to its size, and (test-time augmentation) the mean over its test-time variants. A detect run's lesions were cut at the heat map's window radius nearest their own,
/// so for such a run the region is cut at that radius too (<see cref="WindowRadii"/>), and the prediction says which.
/// </summary>
public sealed class RegionClassifier
{
    private readonly IPatchScorer _scorer;
    private readonly PatchPipeline _pipeline;
    private readonly PatchExtractor _extractor;

    public RegionClassifier(TrainedModel model)
        : this(model, (model ?? throw new ArgumentNullException(nameof(model))).Config.Preprocessing)
    {
        WindowRadii = model.Task.SamplesTissue ? Training.RunPlan.DetectionRadii : null;
    }

    /// <param name="pipeline">How the patches <paramref name="scorer"/> was trained on were made.</param>
    public RegionClassifier(IPatchScorer scorer, PatchPipeline pipeline)
    {
        _scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _extractor = pipeline.Extractor(seed: 0);
    }

    /// <summary>When set, a region is cut at the one of these radii nearest the one asked for (in ratio), as the detector was trained.</summary>
    public IReadOnlyList<double>? WindowRadii { get; init; }

    /// <param name="x">Centre column.</param>
    /// <param name="y">Centre in MIAS convention: pixels from the BOTTOM edge.</param>
    /// <exception cref="Mammo.Data.MammoDataException">The centre is outside the image or the radius is not positive.</exception>
    public RegionPrediction Classify(GrayImage scan, double x, double y, double radius, bool testTimeAugmentation = true)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (!(x >= 0 && x < scan.Width && y >= 0 && y <= scan.Height && radius > 0 && radius <= PatchGeometry.MaximumRadius(scan)))
        {
            throw new InvalidSettingException("region", $"region centre ({x}, {y}) with radius {radius} does not fit the {scan.Width}×{scan.Height} image (centre inside it, 0 < radius ≤ {PatchGeometry.MaximumRadius(scan)})");
        }

        radius = WindowRadii is { } windows ? Mammo.Sampling.DetectionPlan.NearestRadius(radius, windows) : radius;
        var patch = _extractor.CutAt(scan, x, y, _pipeline.Crop.Apply(radius));
        var transforms = _pipeline.TestTimeTransforms(testTimeAugmentation);
        var probabilities = _scorer.Predict([.. transforms.Select(t => t.Apply(patch, _pipeline.Size))]);
        return new RegionPrediction(x, y, radius, _scorer.ClassNames, PatchPipeline.Average(probabilities), transforms.Count);
    }
}
