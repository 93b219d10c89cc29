using Mammo.Data;
using Mammo.Runs;
using Mammo.Storage;

namespace Mammo.Learning.Fusion;

/// <summary>A run's <c>fusion.json</c>: each unit's <see cref="FusionModel"/>, in unit order.</summary>
public static class FusionFile
{
    /// <summary>The fusion models of a run that has them; null for a run without a fusion.</summary>
    /// <exception cref="MammoDataException">The run's config asks for a fusion but the file is missing or unreadable.</exception>
    /// <param name="config">The run's config, as its caller has already read it.</param>
    public static IReadOnlyList<FusionModel>? Read(RunFolder folder, RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(config);
        if (config.Fusion == FusionKind.None)
        {
            return null;
        }

        var path = folder.File(RunFolder.FusionFile);
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<List<FusionModel>>(File.ReadAllText(path), Json.Options) is { Count: > 0 } models
                ? models
                : throw new MammoDataException($"{path}: holds no fusion model");
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            throw new MammoDataException($"{path}: the run fuses its network with the metadata but this file cannot be read ({e.Message})", e);
        }
    }

    /// <summary>
    /// The fused probability of a region: with its fold's model when the network scoring it is one fold's, otherwise
    /// the mean of every unit's fused probability for the network's (averaged) probability.
    /// </summary>
    public static double Probability(IReadOnlyList<FusionModel> models, int? fold, double[] metadata, double network)
    {
        ArgumentNullException.ThrowIfNull(models);
        var chosen = fold is { } f && models.FirstOrDefault(m => m.Fold == f) is { } one ? [one] : models;
        return chosen.Average(m => m.Probability(metadata, network));
    }
}
