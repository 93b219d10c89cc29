using Mammo.Data;
using Mammo.Learning.Networks;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Sampling;
using static TorchSharp.torch;

namespace Mammo.Learning.Export;

/// <summary>
/// The trained networks of a complete run, for export: one, or for cross-validation the k fold networks in fold
/// order, in eval mode. The caller disposes them.
/// </summary>
public sealed record RunNetworks(RunConfig Config, ClassificationTask Task, string Network, IReadOnlyList<nn.Module<Tensor, Tensor>> Networks) : IDisposable
{
    /// <exception cref="MammoDataException">The run is incomplete, names an unknown network or task, or its weights are missing or do not fit.</exception>
    public static RunNetworks Load(RunFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.EnsureComplete();
        var config = folder.ReadConfig();
        var configFile = folder.File(RunFolder.ConfigFile);
        string network;
        try
        {
            network = ModelRegistry.Resolve(config.Model);
        }
        catch (InvalidSettingException e)
        {
            throw new MammoDataException($"{configFile}: model '{config.Model}' is not a network Mammo knows ({e.Message})", e);
        }

        ClassificationTask task;
        try
        {
            task = ClassificationTask.Parse(config.Task);
        }
        catch (FormatException e)
        {
            throw new MammoDataException($"{configFile}: task '{config.Task}' is unknown ({e.Message})", e);
        }

        IReadOnlyList<int?> units = config.Protocol == EvaluationProtocol.Cv ? [.. Enumerable.Range(0, config.Folds).Select(f => (int?)f)] : [null];
        var networks = new List<nn.Module<Tensor, Tensor>>();
        try
        {
            foreach (var unit in units)
            {
                networks.Add(LoadWeights(folder, unit, network, task.ClassNames.Count, config.PatchSize));
            }
        }
        catch
        {
            networks.ForEach(n => n.Dispose());
            throw;
        }

        return new RunNetworks(config, task, network, networks);
    }

    public void Dispose()
    {
        foreach (var network in Networks)
        {
            network.Dispose();
        }
    }

    private static nn.Module<Tensor, Tensor> LoadWeights(RunFolder folder, int? unit, string network, int classes, int inputSize)
    {
        var path = Path.Combine(folder.UnitFolder(unit), RunFolder.WeightsFile);
        if (!File.Exists(path))
        {
            throw new MammoDataException($"{path}: missing (the run folder has no trained weights)");
        }

        var model = ModelRegistry.Create(network, classes, inputSize: inputSize);
        try
        {
            model.load(path);
            model.eval();
            return model;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or FormatException)
        {
            model.Dispose();
            throw new MammoDataException($"{path}: the weights do not fit network '{network}' for {classes} classes ({e.Message.ReplaceLineEndings(" ")})", e);
        }
    }
}
