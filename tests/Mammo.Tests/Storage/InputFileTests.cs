using Mammo.Data;
using Mammo.Storage;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Storage;

public sealed class InputFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private sealed record Sample(int Count, string Name);

    [Fact]
    public void Malformed_JSON_names_the_file_line_and_column()
    {
        var file = _folder.File("a.json");
        File.WriteAllText(file, "{\n  \"count\": 3,\n  \"name\": oops\n}");

        var error = Assert.Throws<MammoDataException>(() => InputFile.ReadJson<Sample>(file));

        Assert.StartsWith($"{file}:3:11: not valid: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_and_a_missing_file_are_named()
    {
        var file = _folder.File("a.json");
        File.WriteAllText(file, "{\"count\": \"three\"}");

        Assert.StartsWith($"{file}:1:", Assert.Throws<MammoDataException>(() => InputFile.ReadJson<Sample>(file)).Message, StringComparison.Ordinal);
        Assert.Equal($"{_folder.File("none.json")}: missing", Assert.Throws<MammoDataException>(() => InputFile.ReadJson<Sample>(_folder.File("none.json"))).Message);
        Assert.Equal(new Sample(2, "b"), InputFile.ReadJson<Sample>(Write("{\"count\": 2, \"name\": \"b\"}")));
    }

    [Fact]
    public void A_file_larger_than_its_kind_can_be_is_refused_unread()
    {
        var file = Write(new string(' ', 101));

        var error = Assert.Throws<MammoDataException>(() => InputFile.ReadText(file, maxBytes: 100));

        Assert.Equal($"{file}: 101 bytes, more than the 100 such a file can hold; it is not read", error.Message);
        Assert.Equal(101, InputFile.ReadText(file, maxBytes: 101).Length);
    }

    [Fact]
    public void Required_fields_name_the_file_and_the_field()
    {
        using var document = InputFile.ReadJsonDocument(Write("{\"a\": 1.5, \"b\": \"x\", \"c\": null}"));
        var file = _folder.File("a.json");

        Assert.Equal(1.5, document.RootElement.Number("a", file));
        Assert.Equal("x", document.RootElement.Text("b", file));
        Assert.Null(document.RootElement.OptionalNumber("c"));
        Assert.Equal($"{file}: field 'z' is missing", Assert.Throws<MammoDataException>(() => document.RootElement.Number("z", file)).Message);
        Assert.Equal($"{file}: field 'b' is string, expected a number", Assert.Throws<MammoDataException>(() => document.RootElement.Number("b", file)).Message);
        Assert.Equal($"{file}: field 'a' is not a whole number", Assert.Throws<MammoDataException>(() => document.RootElement.WholeNumber("a", file)).Message);
    }

    private string Write(string text)
    {
        var file = _folder.File("a.json");
        File.WriteAllText(file, text);
        return file;
    }
}
