using Mammo.Data;
using Mammo.Sampling;

namespace Mammo.Tests.Sampling;

public class BalancingReportTests
{
    [Fact]
    public void The_report_counts_every_non_empty_cell_before_and_after_in_class_order()
    {
        var origins = new[]
        {
            SamplingData.Normal(1),
            SamplingData.Normal(2),
            SamplingData.Normal(3),
            SamplingData.Lesion(4, AbnormalityClass.Spiculated, Severity.Malignant),
            SamplingData.Lesion(5, AbnormalityClass.Calcification, Severity.Benign),
            SamplingData.Lesion(6, AbnormalityClass.Calcification, Severity.Benign),
            SamplingData.Lesion(7, AbnormalityClass.Calcification, Severity.Malignant),
        };
        var training = ClassificationTask.ThreeClass.Samples(origins);

        var report = BalancingReport.Of(Balancing.Full, training, Balancer.Apply(training, Balancing.Full, seed: 5));

        Assert.Equal(
            [
                new BalancingCount(AbnormalityClass.Calcification, Severity.Benign, 2, 1),
                new BalancingCount(AbnormalityClass.Calcification, Severity.Malignant, 1, 1),
                new BalancingCount(AbnormalityClass.Spiculated, Severity.Malignant, 1, 1),
                new BalancingCount(AbnormalityClass.Normal, null, 3, 2),
            ],
            report.Cells);
        Assert.Equal((7, 5), (report.Before, report.After));
        Assert.Equal(Balancing.Full, report.Method);
    }
}
