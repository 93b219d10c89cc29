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

    [Fact]
    public void A_written_manifest_reads_back_to_the_same_rows()
    {
        var folds = GroupedStratifiedKFold.Split(SamplingData.BenignMalignant(), 3, 1);
        var rows = folds.SelectMany(f => f.Rows()).ToList();

        var read = SplitManifest.Read(SplitManifest.Write(folds), "split.csv");

        Assert.Equal(rows, read);
    }

    [Theory]
    [InlineData("sample,patient\n", "split.csv:1: expected the header")]
    [InlineData("sample_id,patient,label,split\nmdb001-0,P001,0\n", "split.csv:2: expected 4 fields, found 3")]
    [InlineData("sample_id,patient,label,split\nmdb001-0,P001,0,train\nmdb002-0,X1,0,test\n", "split.csv:3: field 'patient' is 'X1'")]
    [InlineData("sample_id,patient,label,split\nmdb001-0,P001,0,holdout\n", "split.csv:2: field 'split' is 'holdout'")]
    [InlineData("sample_id,patient,label,split,fold\nmdb001-0,P001,0,test,a\n", "split.csv:2: field 'fold' is 'a'")]
    public void A_malformed_manifest_names_the_line_and_field(string text, string message)
    {
        var error = Assert.Throws<MammoDataException>(() => SplitManifest.Read(text, "split.csv"));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
