using Mammo.Learning.Baselines;

namespace Mammo.Tests.Learning;

/// <summary>Against scikit-learn 1.2.1 (Debian's python3-sklearn), tol=1e-10, on an 8-row fixture.</summary>
public class LogisticRegressionTests
{
    private static readonly double[][] s_x = [[1, 3], [2, 1], [3, 4], [4, 2], [5, 6], [6, 3], [7, 5], [8, 8]];
    private static readonly bool[] s_y = [false, false, true, false, true, false, true, true];

    [Fact]
    public void Standardised_with_c_1_it_finds_scikit_learns_coefficients()
    {
        // make_pipeline(StandardScaler(), LogisticRegression(C=1.0)).fit(X, y): coef [0.36481817, 1.17332582], intercept 0.0815702.
        var model = LogisticRegression.Fit(s_x, s_y, c: 1.0);

        Assert.Equal(0.36481817, model.Weights[0], 6);
        Assert.Equal(1.17332582, model.Weights[1], 6);
        Assert.Equal(0.0815702, model.Intercept, 6);
        // predict_proba([[4.5, 4], [1, 1]])[:, 1]
        Assert.Equal(0.52038125, model.Probability([4.5, 4]), 6);
        Assert.Equal(0.10573823, model.Probability([1, 1]), 6);
    }

    [Fact]
    public void On_raw_inputs_with_c_0_1_the_intercept_is_not_penalised()
    {
        // LogisticRegression(C=0.1).fit(X, y): coef [0.15444379, 0.34568338], intercept −2.04546768.
        var model = LogisticRegression.Fit(s_x, s_y, c: 0.1, standardise: false);

        Assert.Null(model.Scaler);
        Assert.Equal(0.15444379, model.Weights[0], 6);
        Assert.Equal(0.34568338, model.Weights[1], 6);
        Assert.Equal(-2.04546768, model.Intercept, 6);
    }

    [Fact]
    public void At_the_optimum_the_gradient_of_the_objective_vanishes()
    {
        var model = LogisticRegression.Fit(s_x, s_y, c: 1.0);
        var z = s_x.Select(model.Scaler!.Apply).ToArray();

        // ∂/∂b Σ log-loss = Σ (pᵢ − yᵢ); ∂/∂w = Σ (pᵢ − yᵢ) xᵢ + w / C.
        var residuals = s_x.Select((x, i) => model.Probability(x) - (s_y[i] ? 1 : 0)).ToArray();
        Assert.Equal(0, residuals.Sum(), 6);
        for (var j = 0; j < 2; j++)
        {
            Assert.Equal(0, residuals.Select((r, i) => r * z[i][j]).Sum() + model.Weights[j], 6);
        }
    }

    [Fact]
    public void Separable_data_stays_finite_under_the_penalty_and_a_constant_feature_gets_no_weight()
    {
        var model = LogisticRegression.Fit([[0, 7], [1, 7], [2, 7], [3, 7]], [false, false, true, true]);

        Assert.All(model.Weights, w => Assert.True(double.IsFinite(w)));
        Assert.Equal(0, model.Weights[1], 12);
        Assert.True(model.Probability([3, 7]) > 0.5 && model.Probability([0, 7]) < 0.5);
    }

    [Fact]
    public void Mismatched_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit(s_x, [true]));
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([[1.0]], [1.5]));
    }
}
