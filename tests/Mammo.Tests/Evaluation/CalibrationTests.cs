using Mammo.Evaluation;

namespace Mammo.Tests.Evaluation;

public class CalibrationTests
{
    private static readonly int[] s_labels = [1, 0, 1, 0];
    private static readonly double[] s_probabilities = [0.9, 0.2, 0.6, 0.5];

    [Fact]
    public void The_brier_score_is_the_mean_squared_distance_to_the_label()
    {
        // (0.1² + 0.2² + 0.4² + 0.5²) / 4
        Assert.Equal(0.115, Calibration.BrierScore(s_labels, s_probabilities), 12);
    }

    [Fact]
    public void With_ten_bins_each_sample_is_its_own_bin()
    {
        // Bins 9, 2, 6, 5; gaps |1 − 0.9|, |0 − 0.2|, |1 − 0.6|, |0 − 0.5|, each weighted 1/4.
        Assert.Equal(0.3, Calibration.ExpectedCalibrationError(s_labels, s_probabilities), 12);
    }

    [Fact]
    public void With_two_bins_the_upper_bin_is_calibrated_on_average()
    {
        // [0, 0.5): 0.2, a negative → gap 0.2, weight 1/4. [0.5, 1]: 0.9, 0.6, 0.5 with 2 positives of 3 → mean
        // predicted 2/3 = observed 2/3, gap 0.
        Assert.Equal(0.05, Calibration.ExpectedCalibrationError(s_labels, s_probabilities, bins: 2), 12);
        var bins = Calibration.Reliability(s_labels, s_probabilities, bins: 2);
        Assert.Equal(new ReliabilityBin(0, 0.5, 1, 0.2, 0), bins[0]);
        Assert.Equal(3, bins[1].Count);
        Assert.Equal(2.0 / 3, bins[1].MeanPredicted!.Value, 12);
        Assert.Equal(2.0 / 3, bins[1].ObservedFraction!.Value, 12);
    }

    [Fact]
    public void A_probability_of_one_falls_in_the_last_bin_and_empty_bins_have_no_means()
    {
        var bins = Calibration.Reliability([1, 0], [1.0, 0.0], bins: 4);

        Assert.Equal([1, 0, 0, 1], bins.Select(b => b.Count));
        Assert.Null(bins[1].MeanPredicted);
        Assert.Equal(0, Calibration.ExpectedCalibrationError([1, 0], [1.0, 0.0], bins: 4));
    }

    [Fact]
    public void Probabilities_outside_0_1_are_refused() =>
        Assert.Throws<ArgumentException>(() => Calibration.BrierScore([1], [1.5]));
}
