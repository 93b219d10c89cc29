using Mammo.Baselines;

namespace Mammo.Tests.Baselines;

public class StandardiserTests
{
    [Fact]
    public void Columns_are_centred_and_divided_by_their_population_deviation_and_a_constant_column_keeps_scale_1()
    {
        var scaler = Standardiser.Fit([[1, 5], [2, 5], [3, 5]]);

        Assert.Equal([2.0, 5.0], scaler.Means);
        Assert.Equal(Math.Sqrt(2.0 / 3), scaler.Scales[0], 12);
        Assert.Equal(1.0, scaler.Scales[1]);
        var row = scaler.Apply([3, 6]);
        Assert.Equal(1 / Math.Sqrt(2.0 / 3), row[0], 12);
        Assert.Equal(1.0, row[1]);
    }

    [Fact]
    public void Ragged_or_empty_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Standardiser.Fit([]));
        Assert.Throws<ArgumentException>(() => Standardiser.Fit([[1, 2], [1]]));
        Assert.Throws<ArgumentException>(() => Standardiser.Fit([[double.NaN]]));
    }
}
