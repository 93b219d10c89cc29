using Mammo.Imaging;

namespace Mammo.Web.Services;

/// <summary>
/// Images uploaded from the page, decoded and kept in memory only (never written to disk), so that the page can show
/// them and ask for regions without sending the file again. The oldest are dropped past <see cref="Capacity"/>.
/// </summary>
public sealed class UploadStore
{
    public const int Capacity = 8;

    private readonly LinkedList<Upload> _uploads = new();
    private readonly Lock _lock = new();

    public Upload Add(string name, GrayImage image)
    {
        var upload = new Upload(Guid.NewGuid().ToString("N"), name, image, PngImages.Encode(image));
        lock (_lock)
        {
            _uploads.AddFirst(upload);
            while (_uploads.Count > Capacity)
            {
                _uploads.RemoveLast();
            }
        }

        return upload;
    }

    public Upload? Find(string id)
    {
        lock (_lock)
        {
            return _uploads.FirstOrDefault(u => string.Equals(u.Id, id, StringComparison.Ordinal));
        }
    }
}
