using System.Collections;
using Mammo.Data;
using Mammo.Storage;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Mammo.Learning.Export;

/// <summary>
/// PyTorch <c>state_dict</c> files (what <c>torch.save(model.state_dict(), f)</c> writes and <c>torch.load</c> reads),
/// through TorchSharp.PyBridge. The key names are TorchSharp's, which are the attribute paths of the plain PyTorch
/// definitions in docs/interop.md (<c>conv1.weight</c>, <c>bn1.running_mean</c>, …); a cross-validation run's k
/// networks are one dictionary under <c>folds.0.</c> … <c>folds.{k-1}.</c>, as an <c>nn.ModuleList</c> named
/// <c>folds</c> would hold them.
/// </summary>
public static class PyTorchStateDict
{
    /// <summary>No Mammo network comes near this (the seed network is 0.3 MB); a larger file is refused unread.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>Writes the networks' weights to <paramref name="path"/> (atomically): one network plainly, several under <c>folds.i.</c>.</summary>
    public static void Save(IReadOnlyList<nn.Module<Tensor, Tensor>> networks, string path)
    {
        ArgumentNullException.ThrowIfNull(networks);
        var entries = new Dictionary<string, Tensor>();
        for (var i = 0; i < networks.Count; i++)
        {
            var prefix = networks.Count == 1 ? string.Empty : $"folds.{i}.";
            foreach (var (key, value) in networks[i].state_dict())
            {
                entries[prefix + key] = value;
            }
        }

        AtomicOutput.WriteFile(path, stream => PyTorchPickler.PickleStateDict(stream, entries, leaveOpen: true));
    }

    /// <summary>
    /// Loads a state_dict file into <paramref name="network"/>, whose every key must be there with its shape and no
    /// other key may be; <paramref name="networkName"/> names the network in messages.
    /// </summary>
    /// <exception cref="MammoDataException">The file is missing, too large, not a state_dict, or does not fit the network (the keys are named).</exception>
    public static void Load(nn.Module<Tensor, Tensor> network, string path, string networkName)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new MammoDataException($"{path}: no such file");
        }

        if (file.Length > MaxFileBytes)
        {
            throw new MammoDataException($"{path}: {file.Length:N0} bytes, larger than any Mammo network's weights ({MaxFileBytes:N0} at most)");
        }

        Hashtable loaded;
        try
        {
            loaded = PyTorchUnpickler.UnpickleStateDict(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new MammoDataException($"{path}: not a PyTorch state_dict ({e.Message.ReplaceLineEndings(" ")})", e);
        }

        var tensors = new Dictionary<string, Tensor>();
        var notTensors = new List<string>();
        foreach (DictionaryEntry entry in loaded)
        {
            if (entry.Key is string key && entry.Value is Tensor tensor)
            {
                tensors[key] = tensor;
            }
            else
            {
                notTensors.Add(entry.Key?.ToString() ?? "(null)");
            }
        }

        try
        {
            var expected = network.state_dict();
            var problems = new List<string>();
            var missing = expected.Keys.Where(k => !tensors.ContainsKey(k)).ToList();
            // Sorted: the unpickled dictionary has no order of its own.
            var unexpected = tensors.Keys.Where(k => !expected.ContainsKey(k)).Concat(notTensors).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"missing {string.Join(", ", missing)}");
            }

            if (unexpected.Count > 0)
            {
                problems.Add($"unexpected {string.Join(", ", unexpected)}");
            }

            foreach (var (key, value) in expected)
            {
                if (tensors.TryGetValue(key, out var given) && !given.shape.SequenceEqual(value.shape))
                {
                    problems.Add($"{key} is [{string.Join(", ", given.shape)}] in the file, [{string.Join(", ", value.shape)}] in the network");
                }
            }

            if (problems.Count > 0)
            {
                throw new MammoDataException($"{path}: does not fit network '{networkName}': {string.Join("; ", problems)}");
            }

            using var noGrad = no_grad();
            foreach (var (key, value) in expected)
            {
                value.copy_(tensors[key]);
            }
        }
        finally
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }
        }
    }
}
