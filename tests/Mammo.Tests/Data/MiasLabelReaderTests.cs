using Mammo.Data;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Data;

public class MiasLabelReaderTests
{
    private static LabelTable Read(params string[] rows) =>
        MiasLabelReader.Parse(SyntheticMias.Header + string.Join("\n", rows) + SyntheticMias.Footer);

    [Fact]
    public void Only_lines_starting_with_mdb_are_rows_and_line_numbers_count_the_header()
    {
        var table = Read("mdb003 D NORM", "mdb004 D NORM ");

        Assert.Equal(2, table.RowCount);
        Assert.Empty(table.Issues);
        var headerLines = SyntheticMias.Header.Count(c => c == '\n');
        Assert.Equal([headerLines + 1, headerLines + 2], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Normal_row_has_tissue_and_no_severity_or_location()
    {
        var row = Assert.Single(Read("mdb003 D NORM").Rows);

        Assert.Equal(("mdb003", 3, Tissue.DenseGlandular, AbnormalityClass.Normal), (row.ScanId, row.ScanNumber, row.Tissue, row.Class));
        Assert.Null(row.Severity);
        Assert.Null(row.Location);
    }

    [Fact]
    public void Lesion_row_has_class_severity_and_location()
    {
        var row = Assert.Single(Read("mdb001 G CIRC B 535 425 197").Rows);

        Assert.Equal(Tissue.FattyGlandular, row.Tissue);
        Assert.Equal(AbnormalityClass.Circumscribed, row.Class);
        Assert.Equal(Severity.Benign, row.Severity);
        Assert.Equal(new LesionLocation(535, 425, 197), row.Location);
    }

    [Fact]
    public void Row_with_class_and_severity_but_no_coordinates_is_a_lesion_without_location()
    {
        var row = Assert.Single(Read("mdb059 F CIRC B").Rows);

        Assert.Equal(Severity.Benign, row.Severity);
        Assert.Null(row.Location);
        Assert.Null(row.Note);
    }

    [Fact]
    public void Note_row_is_a_calcification_without_location_and_keeps_the_note()
    {
        var row = Assert.Single(Read("mdb216 D CALC M *NOTE 3* ").Rows);

        Assert.Equal(AbnormalityClass.Calcification, row.Class);
        Assert.Equal(Severity.Malignant, row.Severity);
        Assert.Null(row.Location);
        Assert.Equal("*NOTE 3*", row.Note);
    }

    [Fact]
    public void Every_lesion_of_a_scan_is_kept()
    {
        var table = Read("mdb005 F CIRC B 477 133 30", "mdb005 F CIRC B 500 168 26");

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal([477.0, 500.0], table.Rows.Select(r => r.Location!.Value.X));
    }

    [Fact]
    public void Windows_line_endings_are_accepted()
    {
        var table = MiasLabelReader.Parse("header\r\nmdb001 G CIRC B 535 425 197\r\nmdb003 D NORM\r\n");

        Assert.Equal(2, table.Rows.Count);
        Assert.Empty(table.Issues);
    }

    [Theory]
    [InlineData("mdb001 G CIRC B 5x5 425 197", "x (field 5) '5x5' is not a number")]
    [InlineData("mdb001 G CIRC B 535 abc 197", "y (field 6) 'abc' is not a number")]
    [InlineData("mdb001 G CIRC B 535 425 -4", "radius (field 7) '-4' must be positive")]
    [InlineData("mdb001 G CIRC B 535 425 0", "radius (field 7) '0' must be positive")]
    [InlineData("mdb001 G CIRC B -1 425 9", "centre (-1, 425) is negative")]
    [InlineData("mdb001 G BLOB B 535 425 197", "class (field 3) 'BLOB' is not one of")]
    [InlineData("mdb001 X CIRC B 535 425 197", "tissue (field 2) 'X' is not F, G or D")]
    [InlineData("mdb001 G CIRC Q 535 425 197", "severity (field 4) 'Q' is not B or M")]
    [InlineData("mdb001 G CIRC B 535 425", "CIRC row has 6 fields")]
    [InlineData("mdb001 G CIRC", "CIRC row has no severity")]
    [InlineData("mdb001 G", "row has 2 fields")]
    [InlineData("mdb003 D NORM B", "NORM row has 4 fields")]
    [InlineData("mdbx12 D NORM", "reference 'mdbx12' is not of the form mdbNNN")]
    public void Broken_rows_become_issues_naming_the_line_and_the_field(string row, string reason)
    {
        var table = Read("mdb002 G CIRC B 522 280 69", row);

        Assert.Single(table.Rows);
        Assert.Equal(2, table.RowCount);
        var issue = Assert.Single(table.Issues);
        Assert.Equal(SyntheticMias.Header.Count(c => c == '\n') + 2, issue.Line);
        Assert.Contains(reason, issue.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"Info.txt:{issue.Line}: ", issue.ToString(), StringComparison.Ordinal);
    }
}
