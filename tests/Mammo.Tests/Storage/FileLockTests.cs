using Mammo.Storage;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Storage;

public sealed class FileLockTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_held_lock_is_refused_to_a_second_holder_until_it_is_released()
    {
        var path = _folder.File(Path.Combine("cells", "a.lock"));

        using (var first = FileLock.TryAcquire(path))
        {
            Assert.NotNull(first);
            Assert.Null(FileLock.TryAcquire(path));
        }

        using var again = FileLock.TryAcquire(path);
        Assert.NotNull(again);
        Assert.Equal(Path.GetFullPath(path), again.Path);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Waiting_for_a_held_lock_ends_when_cancelled()
    {
        var path = _folder.File("experiment.lock");
        using var held = FileLock.TryAcquire(path);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => FileLock.Acquire(path, cancel.Token));
        Assert.Null(FileLock.TryAcquire(path));
    }

    [Fact]
    public void A_lock_in_a_folder_that_cannot_be_created_is_an_error_not_a_busy_lock()
    {
        var file = _folder.File("plain");
        File.WriteAllText(file, "not a folder");

        Assert.ThrowsAny<IOException>(() => FileLock.TryAcquire(Path.Combine(file, "a.lock")));
    }
}
