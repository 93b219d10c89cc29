using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Mammo.Data;
using Mammo.Imaging;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;
using Mammo.Storage;

namespace Mammo.Onnx;

/// <summary>
/// The contract an exported model states in its <c>metadata_props</c> (keys below, documented in docs/interop.md):
/// what goes in, what comes out, how a patch was cut, and how well the run did on held-out data.
/// </summary>
public static class OnnxMetadata
{
    public const string Producer = "producer";
    public const string MammoVersionKey = "mammo_version";
    public const string Classes = "classes";
    public const string PositiveClass = "positive_class";
    public const string InputName = "input_name";
    public const string OutputName = "output_name";
    public const string InputSize = "input_size";
    public const string Intensity = "intensity";

    /// <summary>The run's preprocessing pipeline as config.json states it (JSON), for readers that cut patches themselves.</summary>
    public const string Preprocessing = "preprocessing";
    public const string Crop = "crop";
    public const string Coordinates = "coordinates";
    public const string TestTimeAugmentation = "test_time_augmentation";
    public const string Task = "task";
    public const string Protocol = "protocol";
    public const string Leaky = "leaky";
    public const string Network = "network";
    public const string Models = "models";
    public const string Averaging = "averaging";
    public const string Seed = "seed";
    public const string DataChecksum = "data_sha256";
    public const string TestAuc = "test_auc";
    public const string TestAucLower = "test_auc_ci95_lower";
    public const string TestAucUpper = "test_auc_ci95_upper";
    public const string TestCount = "test_count";
    public const string Warning = "warning";

    /// <summary>The value of <see cref="Producer"/> in every model Mammo exports.</summary>
    public const string ProducerValue = "mammo";

    public const string IntensityValue =
        "input is the patch's grey levels 0..255 as float32 (not rescaled); the graph divides by 255 itself, as Mammo did before the network";

    public const string CoordinatesValue =
        "MIAS convention: x is the column from the left, y is measured from the BOTTOM edge (image row = image height - y); the crop is taken in image rows";

    public const string TestTimeAugmentationValue =
        "the run's recorded test predictions are the mean over the patch's 8 rotations and mirrors; the graph scores one patch, so run it on the 8 and average to reproduce them";

    /// <summary>The informational version of the Mammo assembly that wrote the model.</summary>
    public static string MammoVersion { get; } =
        typeof(MammoDataException).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(MammoDataException).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The crop rule of <paramref name="config"/> in words.</summary>
    public static string CropRule(RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var rule = config.Preprocessing.Crop;
        var radius = rule.Fixed is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"r = {f} pixels for every lesion")
            : rule == RadiusRule.Lesion
                ? "r = the lesion's labelled radius"
                : string.Create(CultureInfo.InvariantCulture, $"r = max({rule.Minimum}, {rule.Scale} × the lesion's labelled radius)");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"the 2r × 2r square [x - r, x + r) × [row - r, row + r) around the lesion centre ({radius}; radius rule '{rule}'), zero outside the image, resized bicubically to {config.PatchSize}×{config.PatchSize}");
    }

    /// <summary>
    /// The metadata of a run's export: <paramref name="config"/>, <paramref name="task"/> and the held-out AUC of
    /// its <c>metrics.json</c> (<c>test_tta</c>).
    /// </summary>
    /// <exception cref="MammoDataException">metrics.json is missing, not JSON, or has no <c>test_tta</c>.</exception>
    public static IReadOnlyDictionary<string, string> ForRun(RunFolder folder, RunConfig config, ClassificationTask task, int models)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(task);
        var (auc, lower, upper, count) = ReadTestAuc(folder.File(RunFolder.MetricsFile));
        var metadata = new Dictionary<string, string>
        {
            [Producer] = ProducerValue,
            [MammoVersionKey] = MammoVersion,
            [Classes] = string.Join(",", task.ClassNames),
            [PositiveClass] = task.ClassNames[task.PositiveClass],
            [InputName] = OnnxGraphWriter.InputName,
            [OutputName] = OnnxGraphWriter.OutputName,
            [InputSize] = config.PatchSize.ToString(CultureInfo.InvariantCulture),
            [Intensity] = IntensityValue,
            [Crop] = CropRule(config),
            [Preprocessing] = JsonSerializer.Serialize(config.Preprocessing, Json.CompactOptions),
            [Coordinates] = CoordinatesValue,
            [TestTimeAugmentation] = TestTimeAugmentationValue,
            [Task] = task.Name,
            [Protocol] = config.Protocol.ToString().ToLowerInvariant(),
            [Leaky] = config.Leaky ? "true" : "false",
            [Network] = config.Model,
            [Models] = models.ToString(CultureInfo.InvariantCulture),
            [Averaging] = models == 1 ? "none (one network)" : $"mean of the {models} fold networks' softmax probabilities, inside the graph",
            [Seed] = config.Seed.ToString(CultureInfo.InvariantCulture),
            [DataChecksum] = config.DataChecksum,
            [TestAuc] = Number(auc),
            [TestAucLower] = Number(lower),
            [TestAucUpper] = Number(upper),
            [TestCount] = count.ToString(CultureInfo.InvariantCulture),
        };
        if (config.Leaky)
        {
            metadata[Warning] = RunMetrics.LeakyWarning;
        }

        return metadata;
    }

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "none";

    private static (double? Auc, double? Lower, double? Upper, int Count) ReadTestAuc(string file)
    {
        if (!File.Exists(file))
        {
            throw new MammoDataException($"{file}: missing from a run marked complete");
        }

        using var document = InputFile.ReadJsonDocument(file);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("test_tta", out var test) || test.ValueKind != JsonValueKind.Object)
        {
            throw new MammoDataException($"{file}: no 'test_tta' object");
        }

        return (Optional(test, "auc", file), Optional(test, "auc_lower", file), Optional(test, "auc_upper", file),
            test.TryGetProperty("count", out var c) && c.TryGetInt32(out var n) ? n : throw new MammoDataException($"{file}: 'test_tta.count' is not an integer"));
    }

    private static double? Optional(JsonElement parent, string name, string file) =>
        !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.TryGetDouble(out var number) ? number
        : throw new MammoDataException($"{file}: 'test_tta.{name}' is not a number");
}
