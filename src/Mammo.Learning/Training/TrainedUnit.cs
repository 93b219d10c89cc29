using static TorchSharp.torch;

namespace Mammo.Learning.Training;

/// <summary>One trained model of a run (the run's, or one fold's), owned until disposed.</summary>
internal sealed class TrainedUnit(nn.Module<Tensor, Tensor> model) : IDisposable
{
    public nn.Module<Tensor, Tensor> Model { get; } = model;

    public void Dispose() => Model.Dispose();
}
