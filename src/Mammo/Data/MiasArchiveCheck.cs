using System.Buffers.Binary;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Mammo.Data;

/// <summary>
/// Looks inside a mini-MIAS <c>.tar.gz</c> without unpacking it: counts the scans (<c>mdbNNN.pgm</c>, in
/// any folder) and checks that <c>Info.txt</c> is there. The whole archive is read, so a corrupt or
/// truncated file is caught here rather than half-way through an extraction.
/// </summary>
public static partial class MiasArchiveCheck
{
    private const int GzipHeaderAndTrailerLength = 18;

    /// <summary>Inspects the archive at <paramref name="path"/>.</summary>
    /// <exception cref="MammoDataException">The file cannot be read, or is not a complete gzip'ed tar archive.</exception>
    public static ArchiveContents Inspect(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            return InspectCore(path, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new MammoDataException(new DataIssue(path, null, null, ex.Message).ToString(), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MammoDataException(new DataIssue(path, null, null, $"cannot read the archive ({OneLine(ex.Message)})").ToString(), ex);
        }
    }

    /// <summary>True for a scan's file name without folders, e.g. <c>mdb001.pgm</c>.</summary>
    public static bool IsScanFileName(string fileName) => ScanFileName().IsMatch(fileName);

    /// <summary>
    /// Inspects the archive; a problem with its content is an <see cref="InvalidDataException"/> whose
    /// message is a short reason without the path ("it is not gzip-compressed"), a problem opening the
    /// file an <see cref="IOException"/>.
    /// </summary>
    internal static ArchiveContents InspectCore(string path, CancellationToken cancellationToken)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var expectedSize = ReadGzipFrame(file);
        file.Position = 0;

        using var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
        using var counted = new CountingStream(gzip);
        var scans = new HashSet<string>(StringComparer.Ordinal);
        var hasLabels = false;
        try
        {
            using (var tar = new TarReader(counted, leaveOpen: true))
            {
                while (tar.GetNextEntry(copyData: false) is { } entry)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
                    {
                        continue;
                    }

                    var name = FileNameOf(entry.Name);
                    if (IsScanFileName(name))
                    {
                        scans.Add(name);
                    }
                    else if (name == MiasLabelReader.FileName)
                    {
                        hasLabels = true;
                    }
                }
            }

            // The tar end marker can come before the end of the gzip data; reading on makes GZipStream check the CRC.
            counted.CopyTo(Stream.Null);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("it is incomplete (it ends in the middle of an entry)", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"it is not a valid gzip'ed tar archive ({OneLine(ex.Message)})", ex);
        }

        // GZipStream accepts a stream cut short at the end of the deflate data; the gzip trailer's size field catches that.
        if ((uint)counted.BytesRead != expectedSize)
        {
            throw new InvalidDataException("it is incomplete or corrupt (the gzip size check fails)");
        }

        return new ArchiveContents(scans.Count, hasLabels);
    }

    /// <summary>Checks the gzip magic number and returns the trailer's ISIZE (uncompressed size modulo 2^32).</summary>
    private static uint ReadGzipFrame(FileStream file)
    {
        if (file.Length == 0)
        {
            throw new InvalidDataException("it is empty");
        }

        Span<byte> head = stackalloc byte[16];
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (read < 2 || head[0] != 0x1F || head[1] != 0x8B)
        {
            var text = head.IndexOfAnyExceptInRange((byte)0x09, (byte)0x7E) < 0;
            var content = text && head.TrimStart(" \t\r\n"u8).StartsWith("<"u8) ? " (it looks like a web page)" : string.Empty;
            throw new InvalidDataException($"it is not gzip-compressed{content}");
        }

        if (file.Length < GzipHeaderAndTrailerLength)
        {
            throw new InvalidDataException("it is incomplete (shorter than a gzip header)");
        }

        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }

    private static string FileNameOf(string entryName)
    {
        var slash = entryName.AsSpan().LastIndexOfAny('/', '\\');
        return entryName[(slash + 1)..];
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    [GeneratedRegex("^mdb[0-9]{3}\\.pgm$", RegexOptions.CultureInvariant)]
    private static partial Regex ScanFileName();

    /// <summary>A read-only pass-through that counts the bytes read.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            BytesRead += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
