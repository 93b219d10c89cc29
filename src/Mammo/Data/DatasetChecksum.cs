using System.Security.Cryptography;

namespace Mammo.Data;

/// <summary>
/// A SHA-256 that identifies the data a run was trained on: of the archive file itself, or, for a folder,
/// of Info.txt and every image (names and contents, in name order).
/// </summary>
public static class DatasetChecksum
{
    public static string Compute(DatasetSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (File.Exists(source.Path))
        {
            using var stream = File.OpenRead(source.Path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(source.Path, "*.pgm").Append(Path.Combine(source.Path, MiasLabelReader.FileName))
            .Where(File.Exists).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            using var stream = File.OpenRead(file);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
