using static TorchSharp.torch;

namespace Mammo.Learning.Training;

/// <summary>
/// On-the-fly augmentation like Keras' ImageDataGenerator(rotation_range=30, width/height_shift_range=0.1):
/// each patch of a batch gets its own random rotation and shift, applied with one grid_sample call.
/// Border pixels are repeated (Keras' fill_mode='nearest'). With <see cref="GainJitter"/>, each patch's values are
/// then multiplied by its own gain in 1 ± jitter (exposure and contrast differ between films).
/// </summary>
public sealed class RandomAffine(int seed, double maxDegrees = 30, double maxShift = 0.1)
{
    private readonly Random _random = new(seed);

    /// <summary>Half-width of the multiplicative gain's range (0: no gain change).</summary>
    public double GainJitter { get; init; }

    public Tensor Apply(Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var n = (int)batch.shape[0];
        var theta = new float[n * 6];
        for (var i = 0; i < n; i++)
        {
            var angle = ((_random.NextDouble() * 2) - 1) * maxDegrees * Math.PI / 180;
            // affine_grid works in [-1, 1] coordinates: a shift of 10% of the width is 0.2 there.
            var tx = ((_random.NextDouble() * 2) - 1) * maxShift * 2;
            var ty = ((_random.NextDouble() * 2) - 1) * maxShift * 2;
            var (sin, cos) = Math.SinCos(angle);
            theta[(i * 6) + 0] = (float)cos;
            theta[(i * 6) + 1] = (float)-sin;
            theta[(i * 6) + 2] = (float)tx;
            theta[(i * 6) + 3] = (float)sin;
            theta[(i * 6) + 4] = (float)cos;
            theta[(i * 6) + 5] = (float)ty;
        }

        // Drawn after the geometry, so that a run without gain jitter keeps the rotations and shifts it always had.
        var gains = GainJitter > 0 ? Enumerable.Range(0, n).Select(_ => (float)(1 + (((_random.NextDouble() * 2) - 1) * GainJitter))).ToArray() : null;
        using var thetaTensor = tensor(theta, [n, 2, 3]).to(batch.device);
        using var grid = nn.functional.affine_grid(thetaTensor, [.. batch.shape], align_corners: false);
        var moved = nn.functional.grid_sample(batch, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false);
        if (gains is null)
        {
            return moved;
        }

        using var gain = tensor(gains, [n, 1, 1, 1]).to(batch.device);
        using (moved)
        {
            return moved.mul(gain);
        }
    }
}
