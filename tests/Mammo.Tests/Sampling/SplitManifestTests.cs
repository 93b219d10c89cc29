using Mammo.Data;
using Mammo.Sampling;

namespace Mammo.Tests.Sampling;

public class SplitManifestTests
{
    [Fact]
    public void A_split_lists_each_sample_with_patient_label_and_part()
    {
        var benign = new Sample(SamplingData.Lesion(3, AbnormalityClass.Calcification, Severity.Benign), 0);
        var malignant = new Sample(SamplingData.Lesion(10, AbnormalityClass.Spiculated, Severity.Malignant), 1);
        var other = new Sample(SamplingData.Lesion(21, AbnormalityClass.Asymmetry, Severity.Benign), 0);

        var csv = new SplitAssignment([benign], [malignant], [other]).ToCsv();

        Assert.Equal("sample_id,patient,label,split\nmdb003-0,P002,0,train\nmdb010-0,P005,1,validation\nmdb021-0,P011,0,test\n", csv);
    }

    [Fact]
    public void Cross_validation_adds_a_fold_column_and_lists_every_sample_once_per_fold()
    {
        var samples = SamplingData.BenignMalignant();
        var folds = GroupedStratifiedKFold.Split(samples, 3, 1);

        var lines = SplitManifest.Write(folds).TrimEnd('\n').Split('\n');

        Assert.Equal("sample_id,patient,label,split,fold", lines[0]);
        Assert.Equal(3 * samples.Count, lines.Length - 1);
        Assert.All(samples, s => Assert.Equal(3, lines.Count(l => l.StartsWith(s.Id + ",", StringComparison.Ordinal))));
        Assert.Equal(samples.Count, lines.Count(l => l.Contains(",test,", StringComparison.Ordinal)));
    }

    [Fact]
    public void Rows_with_and_without_fold_do_not_mix()
    {
        SplitRow[] rows = [new("mdb001-0", new Patient(1), 0, DataSplit.Train, 0), new("mdb002-0", new Patient(1), 1, DataSplit.Test)];

        Assert.Throws<ArgumentException>(() => SplitManifest.Write(rows));
    }
}
