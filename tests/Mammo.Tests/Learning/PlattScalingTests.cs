using Mammo.Learning.Calibration;
using Mammo.Runs;

namespace Mammo.Tests.Learning;

public class PlattScalingTests
{
    [Fact]
    public void The_fit_matches_scikit_learns_sigmoid_calibration()
    {
        double[] p = [0.1, 0.3, 0.35, 0.6, 0.7, 0.2, 0.9, 0.55];
        bool[] y = [false, false, true, false, true, false, true, true];

        var platt = PlattFit.Fit(p, y);

        // sklearn.calibration._sigmoid_calibration(logit(p), y) → (a, b) = (−0.78648482, −0.15337177) for
        // 1 / (1 + exp(a·f + b)), i.e. A = 0.78648482, B = 0.15337177 here.
        Assert.Equal(0.78648482, platt.A, 4);
        Assert.Equal(0.15337177, platt.B, 4);
        Assert.Equal(1 / (1 + Math.Exp(-((platt.A * Math.Log(0.6 / 0.4)) + platt.B))), platt.Apply(0.6), 12);
    }

    [Fact]
    public void Perfectly_separated_validation_gives_finite_monotone_scaling()
    {
        var platt = PlattFit.Fit([0.1, 0.2, 0.8, 0.9], [false, false, true, true]);

        Assert.True(double.IsFinite(platt.A) && platt.A > 0);
        Assert.True(platt.Apply(0.3) < platt.Apply(0.7));
        Assert.True(platt.Apply(1.0) < 1 && platt.Apply(0.0) > 0);
    }
}
