using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Cli;

public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static void AssertOneClearLine(CliRunner.Result result, int exitCode, string expected)
    {
        Assert.Equal(exitCode, result.ExitCode);
        var line = Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("mammo: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Errors + result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Errors + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_data_path_exits_1_with_one_line()
    {
        AssertOneClearLine(CliRunner.Run("info", "--data", _folder.File("nowhere")), 1, "nowhere: no such folder or archive");
    }

    [Fact]
    public void Malformed_row_under_strict_names_file_and_line()
    {
        SyntheticMias.Write(_folder.Path, ["mdb001 G CIRC B 20 40 8", "mdb002 G CIRC B twenty 40 8"]);
        var line = SyntheticMias.Header.Count(c => c == '\n') + 2;

        AssertOneClearLine(CliRunner.Run("info", "--data", _folder.Path, "--strict"), 1, $"Info.txt:{line}: x (field 5) 'twenty' is not a number");
    }

    [Fact]
    public void Unknown_option_value_and_missing_out_are_usage_errors()
    {
        AssertOneClearLine(CliRunner.Run("patches", "--data", _folder.Path), 2, "--out DIR is required");
        AssertOneClearLine(CliRunner.Run("patches", "--data", _folder.Path, "--out", _folder.File("o"), "--radius", "huge"), 2, "--radius");
        AssertOneClearLine(CliRunner.Run("nonsense"), 2, "Unknown command 'nonsense'");
    }

    [Fact]
    public void Patches_refuses_to_overwrite_a_non_empty_folder_and_leaves_it_untouched()
    {
        var data = Path.Combine(_folder.Path, "data");
        Directory.CreateDirectory(data);
        SyntheticMias.Write(data, ["mdb001 G CIRC B 512 512 40", "mdb002 G NORM"], size: 1024);
        var output = Path.Combine(_folder.Path, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "keep.txt"), "mine");

        AssertOneClearLine(CliRunner.Run("patches", "--data", data, "--out", output), 1, "exists and is not empty");
        Assert.Equal(["keep.txt"], Directory.EnumerateFiles(output).Select(Path.GetFileName));
    }

    [Fact]
    public void Info_and_patches_work_on_a_small_dataset()
    {
        var data = Path.Combine(_folder.Path, "data");
        Directory.CreateDirectory(data);
        SyntheticMias.Write(data, ["mdb001 G CIRC B 512 512 40", "mdb002 G NORM", "mdb003 F CALC M *NOTE 3*"], size: 1024);
        var output = Path.Combine(_folder.Path, "out");

        var info = CliRunner.Run("info", "--data", data, "--json");
        var patches = CliRunner.Run("patches", "--data", data, "--out", output);

        Assert.Equal(0, info.ExitCode);
        Assert.Contains("\"lesions_with_location\": 1", info.Output, StringComparison.Ordinal);
        Assert.Equal(0, patches.ExitCode);
        var manifest = File.ReadAllLines(Path.Combine(output, "manifest.csv"));
        Assert.Equal("patch_id,scan,patient,lesion_index,class,severity,tissue,x,y,r,variant,file", manifest[0]);
        Assert.Equal(1 + 16, manifest.Length);
        Assert.Equal(16, Directory.EnumerateFiles(output, "*.png").Count());
        Assert.Contains("mdb001-0-r0,mdb001,P001,0,CIRC,B,G,512,512,40,r0,mdb001-0-r0.png", manifest);
        Assert.Empty(Directory.EnumerateDirectories(_folder.Path, ".out.tmp*"));
    }
}
