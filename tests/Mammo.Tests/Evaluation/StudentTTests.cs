using Mammo.Evaluation;

namespace Mammo.Tests.Evaluation;

public class StudentTTests
{
    // The usual printed table of two-sided 95% critical values (the 0.975 quantile), df 1..30.
    private static readonly double[] s_table975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    [Fact]
    public void Quantile_0975_matches_the_printed_table_for_df_1_to_30()
    {
        for (var df = 1; df <= s_table975.Length; df++)
        {
            Assert.Equal(s_table975[df - 1], StudentT.Quantile(0.975, df), 5e-4);
        }
    }

    [Theory]
    [InlineData(0.975, 4, 2.7764451051977987)]
    [InlineData(0.975, 10, 2.2281388519649385)]
    [InlineData(0.95, 4, 2.131846786326649)]
    [InlineData(0.995, 5, 4.032142983557536)]
    [InlineData(0.9, 7, 1.414923927650508)]
    [InlineData(0.975, 100, 1.9839715184496334)]
    public void Quantile_is_accurate_to_many_digits(double p, double df, double expected)
    {
        Assert.Equal(expected, StudentT.Quantile(p, df), 1e-9);
    }

    [Fact]
    public void Quantile_matches_closed_forms_and_the_normal_limit()
    {
        // df 1 is the Cauchy distribution: tan(pi (p - 1/2)). df 2: (2p - 1) / sqrt(2 p (1 - p)).
        Assert.Equal(Math.Tan(Math.PI * 0.475), StudentT.Quantile(0.975, 1), 1e-10);
        Assert.Equal(0.95 / Math.Sqrt(2 * 0.975 * 0.025), StudentT.Quantile(0.975, 2), 1e-12);
        Assert.Equal(1.959963984540054, StudentT.Quantile(0.975, 1e7), 1e-6);
        Assert.Equal(-StudentT.Quantile(0.975, 4), StudentT.Quantile(0.025, 4), 1e-12);
        Assert.Equal(0.0, StudentT.Quantile(0.5, 3));
    }

    [Fact]
    public void Cdf_matches_hand_computed_values()
    {
        Assert.Equal(0.75, StudentT.Cdf(1.0, 1), 1e-14);
        // df 4: F(t) = 1/2 + (3/4) s (1 - s^2 / 3) with s = t / sqrt(4 + t^2); at t = 2, s = 1/sqrt(2).
        Assert.Equal(0.5 + (0.75 / Math.Sqrt(2) * (1 - (1.0 / 6.0))), StudentT.Cdf(2.0, 4), 1e-14);
        Assert.Equal(0.08864924349498493, StudentT.Cdf(-1.5, 7), 1e-12);
        Assert.Equal(0.975, StudentT.Cdf(StudentT.Quantile(0.975, 4), 4), 1e-14);
    }

    [Fact]
    public void Rejects_probabilities_outside_zero_one_and_bad_degrees_of_freedom()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(1.0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(0.0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(0.975, 0));
    }
}
