using Mammo.Storage;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Storage;

public sealed class OutputGuardTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public OutputGuardTests()
    {
        Directory.CreateDirectory(Data);
        File.WriteAllText(Path.Combine(Data, "Info.txt"), "labels");
        Directory.CreateDirectory(Run);
        File.WriteAllText(Path.Combine(Run, "weights.bin"), "weights");
    }

    private string Data => _folder.File("data");

    private string Run => _folder.File("run");

    public void Dispose() => _folder.Dispose();

    private OutputGuard Guard() => new([new InputPath(Data), new InputPath(Run, ["localisation"])]);

    [Theory]
    [InlineData("data", OutputConflict.IsInput)]
    [InlineData("data/", OutputConflict.IsInput)]
    [InlineData("data/../data", OutputConflict.IsInput)]
    [InlineData("./data//", OutputConflict.IsInput)]
    [InlineData("data/Info.txt", OutputConflict.InsideInput)]
    [InlineData("data/new/deeper", OutputConflict.InsideInput)]
    [InlineData("run/weights.bin", OutputConflict.InsideInput)]
    [InlineData("run/localisation/x", OutputConflict.InsideInput)]
    [InlineData(".", OutputConflict.ContainsInput)]
    public void A_path_that_is_holds_or_lies_in_an_input_is_refused_however_it_is_spelled(string relative, OutputConflict expected)
    {
        var path = Path.Combine(_folder.Path, relative);

        var file = Assert.Throws<OutputConflictException>(() => Guard().CheckFile(path, overwrite: true));
        var folder = Assert.Throws<OutputConflictException>(() => Guard().CheckFolder(path, overwrite: true, OutputKind.Patches));

        Assert.Equal(expected, file.Conflict);
        Assert.Equal(expected, folder.Conflict);
        Assert.Equal(path, file.Output);
        Assert.Contains(file.Input!, file.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_to_an_input_are_followed_before_comparing()
    {
        File.CreateSymbolicLink(_folder.File("to-data"), Data);
        File.CreateSymbolicLink(_folder.File("relative"), "data/Info.txt");
        Directory.CreateDirectory(_folder.File("elsewhere"));
        File.CreateSymbolicLink(_folder.File("elsewhere/up"), "..");

        Assert.Equal(OutputConflict.IsInput, Assert.Throws<OutputConflictException>(() => Guard().CheckFolder(_folder.File("to-data"), true, OutputKind.Patches)).Conflict);
        Assert.Equal(OutputConflict.InsideInput, Assert.Throws<OutputConflictException>(() => Guard().CheckFile(_folder.File("relative"), true)).Conflict);
        Assert.Equal(OutputConflict.InsideInput, Assert.Throws<OutputConflictException>(() => Guard().CheckFile(_folder.File("to-data/new.png"), false)).Conflict);
        Assert.Equal(OutputConflict.IsInput, Assert.Throws<OutputConflictException>(() => Guard().CheckFile(_folder.File("elsewhere/up/data"), true)).Conflict);
        Assert.Equal(RealPath.Resolve(Data), RealPath.Resolve(_folder.File("elsewhere/up/to-data/")));
    }

    [Fact]
    public void An_input_slot_and_paths_beside_the_inputs_are_allowed()
    {
        Guard().CheckFolder(Path.Combine(Run, "localisation"), overwrite: false, OutputKind.Localisation);
        Guard().CheckFile(_folder.File("data-patches.png"), overwrite: false);
        Guard().CheckFolder(_folder.File("data2"), overwrite: false, OutputKind.Patches);
        Guard().CheckFolder(_folder.File("runs/new"), overwrite: false, OutputKind.Run);
    }

    [Fact]
    public void An_existing_output_needs_overwrite_and_a_folder_also_Mammo_s_marker_of_the_same_kind()
    {
        var file = _folder.File("out.png");
        File.WriteAllText(file, "old");
        var mine = _folder.File("mine");
        AtomicOutput.WriteFolder(mine, false, OutputKind.Patches, t => File.WriteAllText(Path.Combine(t, "a"), "a"));
        var empty = _folder.File("empty");
        Directory.CreateDirectory(empty);

        Assert.Equal(OutputConflict.Exists, Assert.Throws<OutputConflictException>(() => Guard().CheckFile(file, false)).Conflict);
        Guard().CheckFile(file, true);
        Assert.Equal(OutputConflict.NotAFile, Assert.Throws<OutputConflictException>(() => Guard().CheckFile(mine, true)).Conflict);
        Assert.Equal(OutputConflict.NotAFolder, Assert.Throws<OutputConflictException>(() => Guard().CheckFolder(file, true, OutputKind.Patches)).Conflict);
        Assert.Equal(OutputConflict.Exists, Assert.Throws<OutputConflictException>(() => Guard().CheckFolder(mine, false, OutputKind.Patches)).Conflict);
        Guard().CheckFolder(mine, true, OutputKind.Patches);
        Assert.Equal(OutputConflict.OtherKind, Assert.Throws<OutputConflictException>(() => Guard().CheckFolder(mine, true, OutputKind.Localisation)).Conflict);
        Guard().CheckFolder(empty, false, OutputKind.Patches);
        Assert.Equal(OutputKind.Patches, OutputMarker.Read(mine));
        Assert.Null(OutputMarker.Read(empty));
    }

    [Fact]
    public void A_killed_writer_s_temporary_is_removed_by_the_next_write_but_a_live_one_is_kept()
    {
        var target = _folder.File("out");
        var dead = _folder.File($".out.tmp-{int.MaxValue - 7}-0123");
        var live = _folder.File($".out.tmp-{Environment.ProcessId}-4567");
        Directory.CreateDirectory(dead);
        Directory.CreateDirectory(live);
        File.WriteAllText(_folder.File($"a.json.tmp-{int.MaxValue - 7}-89ab"), "half");

        AtomicOutput.WriteFolder(target, false, OutputKind.Patches, t => File.WriteAllText(Path.Combine(t, "a"), "a"));
        AtomicOutput.WriteAllText(_folder.File("a.json"), "{}");

        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(live));
        Assert.False(File.Exists(_folder.File($"a.json.tmp-{int.MaxValue - 7}-89ab")));
        Assert.Equal("{}", File.ReadAllText(_folder.File("a.json")));
    }
}
