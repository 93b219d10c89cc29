using Mammo.Data;
using Mammo.Runs;
using Mammo.Storage;

namespace Mammo.Reporting.Experiments;

/// <summary>Draws an experiment's figures into its plots folder (replaced as a whole, atomically).</summary>
public static class ExperimentPlots
{
    /// <summary>The figures, as written to <c>plots/</c>.</summary>
    public static IReadOnlyList<ExperimentFigure> Draw(ExperimentFolder folder, Dataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(dataset);
        var figures = ExperimentFigures.Build(folder, dataset, cancellationToken);

        // Processes sharing the folder (a cluster's cells finishing together, a report) replace plots/ one at a time.
        using var held = folder.Lock(cancellationToken);
        AtomicOutput.WriteFolder(folder.File(ExperimentFolder.PlotsFolder), overwrite: true, OutputKind.Figures, path =>
        {
            foreach (var figure in figures)
            {
                File.WriteAllBytes(Path.Combine(path, figure.File), figure.Png);
            }
        });
        return figures;
    }
}
