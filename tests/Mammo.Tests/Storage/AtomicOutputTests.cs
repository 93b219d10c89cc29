using Mammo.Storage;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Storage;

public sealed class AtomicOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_failure_while_filling_leaves_no_folder_and_no_temporary()
    {
        var target = _folder.File("out");

        Assert.Throws<InvalidOperationException>(() => AtomicOutput.WriteFolder(target, false, OutputKind.Patches, t =>
        {
            File.WriteAllText(Path.Combine(t, "half.txt"), "half");
            throw new InvalidOperationException("boom");
        }));

        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.Path));
    }

    [Fact]
    public void Overwrite_replaces_the_old_folder_only_once_the_new_one_is_complete()
    {
        var target = _folder.File("out");
        AtomicOutput.WriteFolder(target, false, OutputKind.Patches, t => File.WriteAllText(Path.Combine(t, "old.txt"), "old"));

        Assert.Throws<InvalidOperationException>(() => AtomicOutput.WriteFolder(target, true, OutputKind.Patches, _ => throw new InvalidOperationException("boom")));
        Assert.True(File.Exists(Path.Combine(target, "old.txt")));

        AtomicOutput.WriteFolder(target, true, OutputKind.Patches, t => File.WriteAllText(Path.Combine(t, "new.txt"), "new"));
        Assert.Equal([OutputMarker.FileName, "new.txt"], Directory.EnumerateFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Single(Directory.EnumerateFileSystemEntries(_folder.Path));
    }

    [Fact]
    public void Overwrite_never_replaces_a_folder_Mammo_did_not_write_or_of_another_kind()
    {
        var foreign = _folder.File("foreign");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "thesis.tex"), "years of work");
        var run = _folder.File("run");
        AtomicOutput.WriteFolder(run, false, OutputKind.Localisation, t => File.WriteAllText(Path.Combine(t, "a.txt"), "a"));

        var notOurs = Assert.Throws<OutputConflictException>(() => AtomicOutput.WriteFolder(foreign, true, OutputKind.Patches, t => File.WriteAllText(Path.Combine(t, "x"), "x")));
        var otherKind = Assert.Throws<OutputConflictException>(() => AtomicOutput.WriteFolder(run, true, OutputKind.Patches, t => File.WriteAllText(Path.Combine(t, "x"), "x")));
        var notAsked = Assert.Throws<OutputConflictException>(() => AtomicOutput.WriteFolder(run, false, OutputKind.Localisation, t => File.WriteAllText(Path.Combine(t, "x"), "x")));

        Assert.Equal(OutputConflict.NotMammoOutput, notOurs.Conflict);
        Assert.Equal(OutputConflict.OtherKind, otherKind.Conflict);
        Assert.Equal(OutputConflict.Exists, notAsked.Conflict);
        Assert.Equal("years of work", File.ReadAllText(Path.Combine(foreign, "thesis.tex")));
        Assert.Equal("a", File.ReadAllText(Path.Combine(run, "a.txt")));
        Assert.Equal(2, Directory.EnumerateFileSystemEntries(_folder.Path).Count());
    }

    [Fact]
    public void A_file_is_written_whole_or_not_at_all()
    {
        var target = _folder.File("a.json");
        File.WriteAllText(target, "previous");

        Assert.Throws<InvalidOperationException>(() => AtomicOutput.WriteFile(target, s =>
        {
            s.Write("partial"u8);
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal("previous", File.ReadAllText(target));
        AtomicOutput.WriteAllText(target, "complete");
        Assert.Equal("complete", File.ReadAllText(target));
        Assert.Single(Directory.EnumerateFiles(_folder.Path));
    }
}
