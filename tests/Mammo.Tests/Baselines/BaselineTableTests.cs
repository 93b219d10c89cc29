using Mammo.Baselines;
using Mammo.Data;

namespace Mammo.Tests.Baselines;

public class BaselineTableTests
{
    [Fact]
    public void Scores_round_trip_through_the_csv_with_an_empty_fold_for_the_patient_protocol()
    {
        var scores = new BaselineScores(
            [BaselineKind.Prevalence, BaselineKind.Features],
            [new BaselineRow("mdb001-0", 2, 1, [0.4, 0.123456789012345]), new BaselineRow("mdb002-n", null, 0, [0.4, 1e-20])]);

        var text = BaselineTable.Write(scores);

        Assert.Equal("sample_id,fold,label,prevalence,features\nmdb001-0,2,1,0.4,0.123456789012345\nmdb002-n,,0,0.4,1E-20\n", text);
        var back = BaselineTable.Read(text, "baselines.csv");
        Assert.Equal(scores.Kinds, back.Kinds);
        Assert.Equal(scores.Rows.Select(r => (r.SampleId, r.Fold, r.Label)), back.Rows.Select(r => (r.SampleId, r.Fold, r.Label)));
        Assert.Equal(scores.Rows.SelectMany(r => r.Scores), back.Rows.SelectMany(r => r.Scores));
    }

    [Theory]
    [InlineData("sample_id,fold,label\n", "baselines.csv:1: expected the header")]
    [InlineData("sample_id,fold,label,height\n", "baselines.csv:1: unknown baseline 'height'")]
    [InlineData("sample_id,fold,label,radius\nmdb001-0,0,1\n", "baselines.csv:2: expected 4 fields, found 3")]
    [InlineData("sample_id,fold,label,radius\nmdb001-0,x,1,3\n", "baselines.csv:2: field 'fold' is 'x'")]
    [InlineData("sample_id,fold,label,radius\nmdb001-0,0,1,NaN\n", "baselines.csv:2: field 'radius' is 'NaN'")]
    public void A_malformed_file_names_its_line_and_field(string text, string message)
    {
        var error = Assert.Throws<MammoDataException>(() => BaselineTable.Read(text, "baselines.csv"));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
