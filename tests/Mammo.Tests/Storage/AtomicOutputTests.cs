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

        Assert.Throws<InvalidOperationException>(() => AtomicOutput.WriteFolder(target, false, t =>
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
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "old.txt"), "old");

        Assert.Throws<InvalidOperationException>(() => AtomicOutput.WriteFolder(target, true, _ => throw new InvalidOperationException("boom")));
        Assert.True(File.Exists(Path.Combine(target, "old.txt")));

        AtomicOutput.WriteFolder(target, true, t => File.WriteAllText(Path.Combine(t, "new.txt"), "new"));
        Assert.Equal(["new.txt"], Directory.EnumerateFiles(target).Select(Path.GetFileName));
        Assert.Single(Directory.EnumerateFileSystemEntries(_folder.Path));
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
