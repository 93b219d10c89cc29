using Mammo.Learning.Training;
using Mammo.Runs;

namespace Mammo.Learning.Export;

/// <summary>Exports a finished run's weights as a PyTorch state_dict file (see <see cref="PyTorchStateDict"/>).</summary>
public static class PyTorchRunExporter
{
    /// <summary>Writes the run at <paramref name="run"/> to <paramref name="output"/> (atomically).</summary>
    /// <exception cref="Mammo.Data.MammoDataException">The run is incomplete or its files are unusable.</exception>
    /// <exception cref="IOException">The output exists and <paramref name="overwrite"/> is not set, or it is one of the run's own files.</exception>
    public static void Export(string run, string output, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(output);
        var folder = new RunFolder(run);
        folder.EnsureComplete();
        ExportOutput.Check(folder, output, overwrite);
        using var networks = RunNetworks.Load(folder);
        PyTorchStateDict.Save(networks.Networks, output);
    }
}
