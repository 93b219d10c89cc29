using Mammo.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace Mammo.Learning.Networks;

/// <summary>Makes the <see cref="ModelSummary"/> of a TorchSharp network by running a dummy input through it.</summary>
public static class NetworkSummary
{
    public static IReadOnlyList<long> DefaultInputShape { get; } = [1, NetworkInput.Channels, NetworkInput.Size, NetworkInput.Size];

    /// <summary>
    /// Runs a zero input of <paramref name="inputShape"/> through <paramref name="model"/> (in eval mode, without
    /// gradients; the model's mode is restored) and records each leaf layer's output with a forward hook.
    /// Layers must be invoked with <c>call</c> (not <c>forward</c>) for their hooks to run, as the networks here do.
    /// </summary>
    public static ModelSummary Of(nn.Module<Tensor, Tensor> model, IReadOnlyList<long>? inputShape = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var shape = (inputShape ?? DefaultInputShape).ToArray();
        var rows = new List<ModelSummaryRow>();
        var removers = new List<Action>();
        var wasTraining = model.training;
        try
        {
            foreach (var (name, module) in model.named_modules())
            {
                if (module.children().Any() || module is not nn.Module<Tensor, Tensor> layer)
                {
                    continue;
                }

                var count = CountParameters(module, trainable: true) + CountParameters(module, trainable: false);
                var layerType = module.GetType().Name;
                var remover = layer.register_forward_hook((_, _, output) =>
                {
                    rows.Add(new ModelSummaryRow(name, layerType, [.. output.shape], count));
                    return output;
                });
                removers.Add(remover.remove);
            }

            model.eval();
            var first = model.parameters().FirstOrDefault();
            using var scope = NewDisposeScope();
            using var noGrad = torch.no_grad();
            var input = torch.zeros(shape, dtype: first?.dtype ?? ScalarType.Float32, device: first?.device);
            model.call(input);
        }
        finally
        {
            foreach (var remove in removers)
            {
                remove();
            }

            model.train(wasTraining);
        }

        return new ModelSummary(
            model.GetName(),
            shape,
            rows,
            CountParameters(model, trainable: true),
            CountParameters(model, trainable: false));
    }

    private static long CountParameters(nn.Module module, bool trainable)
    {
        var total = module.parameters().Where(p => p.requires_grad == trainable).Sum(p => p.numel());
        if (!trainable)
        {
            total += module.buffers().Where(b => b.is_floating_point()).Sum(b => b.numel());
        }

        return total;
    }
}
