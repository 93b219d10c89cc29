using System.Buffers.Binary;
using System.Text;

namespace Mammo.Tests.Imaging.Dicom;

/// <summary>
/// Writes small Part-10 files byte by byte, so that structure (sequences, undefined lengths, private tags) and
/// damage (wrong lengths, missing attributes) can be made exactly; DCMTK's dcmdump checks that it writes valid files.
/// </summary>
public sealed class DicomFileBuilder
{
    public const string ExplicitVrLittleEndian = "1.2.840.10008.1.2.1";
    public const string ImplicitVrLittleEndian = "1.2.840.10008.1.2";
    public const uint UndefinedLength = 0xFFFF_FFFF;

    private static readonly HashSet<string> s_longVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];
    private readonly List<(uint Tag, byte[] Bytes)> _elements = [];

    public DicomFileBuilder(bool implicitVr = false, string? transferSyntax = null)
    {
        ImplicitVr = implicitVr;
        TransferSyntax = transferSyntax ?? (implicitVr ? ImplicitVrLittleEndian : ExplicitVrLittleEndian);
    }

    public bool ImplicitVr { get; }

    public string TransferSyntax { get; }

    /// <summary>A grey image with the attributes every test needs; callers add or replace the rest.</summary>
    public static DicomFileBuilder Grey(int width, int height, ushort[] samples, bool implicitVr = false, int bitsStored = 16, bool isSigned = false, string photometric = "MONOCHROME2", string? transferSyntax = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var pixels = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(pixels.AsSpan(2 * i), samples[i]);
        }

        return new DicomFileBuilder(implicitVr, transferSyntax)
            .Text(0x0008_0016, "UI", "1.2.840.10008.5.1.4.1.1.1.2")
            .Text(0x0008_0018, "UI", "1.2.3.4.5.6")
            .Text(0x0008_0060, "CS", "MG")
            .Us(0x0028_0002, 1)
            .Text(0x0028_0004, "CS", photometric)
            .Us(0x0028_0010, height)
            .Us(0x0028_0011, width)
            .Us(0x0028_0100, 16)
            .Us(0x0028_0101, bitsStored)
            .Us(0x0028_0102, bitsStored - 1)
            .Us(0x0028_0103, isSigned ? 1 : 0)
            .Value(0x7FE0_0010, "OW", pixels);
    }

    /// <summary>Adds (or replaces) an element with this value, its length the value's.</summary>
    public DicomFileBuilder Value(uint tag, string vr, byte[] value) => Encoded(tag, Element(tag, vr, value));

    public DicomFileBuilder Us(uint tag, int value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value);
        return Value(tag, "US", bytes);
    }

    /// <summary>A string value padded to even length (UI with a NUL, the others with a space), as PS3.5 wants.</summary>
    public DicomFileBuilder Text(uint tag, string vr, string value) => Value(tag, vr, Padded(vr, value));

    /// <summary>Adds bytes already encoded (a sequence, a broken element), placed by <paramref name="tag"/>.</summary>
    public DicomFileBuilder Encoded(uint tag, byte[] bytes)
    {
        _elements.RemoveAll(e => e.Tag == tag);
        _elements.Add((tag, bytes));
        return this;
    }

    public DicomFileBuilder Remove(uint tag)
    {
        _elements.RemoveAll(e => e.Tag == tag);
        return this;
    }

    /// <summary>One element in this builder's encoding; <paramref name="length"/> overrides the declared length.</summary>
    public byte[] Element(uint tag, string vr, byte[] value, uint? length = null) =>
        [.. Header(tag, vr, length ?? (uint)value.Length, ImplicitVr), .. value];

    public static byte[] Item(byte[] content, bool undefinedLength) => undefinedLength
        ? [.. Tag(0xFFFE_E000), .. UInt32(UndefinedLength), .. content, .. Tag(0xFFFE_E00D), .. UInt32(0)]
        : [.. Tag(0xFFFE_E000), .. UInt32((uint)content.Length), .. content];

    public byte[] Sequence(uint tag, bool undefinedLength, params byte[][] items) => Sequence(tag, "SQ", undefinedLength, items);

    public byte[] Sequence(uint tag, string vr, bool undefinedLength, params byte[][] items)
    {
        byte[] body = [.. items.SelectMany(i => i)];
        return undefinedLength
            ? [.. Header(tag, vr, UndefinedLength, ImplicitVr), .. body, .. Tag(0xFFFE_E0DD), .. UInt32(0)]
            : [.. Header(tag, vr, (uint)body.Length, ImplicitVr), .. body];
    }

    /// <summary>The file: 128-byte preamble, "DICM" (or <paramref name="magic"/>), File Meta group 0002, data set.</summary>
    public byte[] Build(string magic = "DICM", bool withTransferSyntax = true)
    {
        var uid = Padded("UI", TransferSyntax);
        byte[] version = [0, 1];
        byte[] meta = [
            .. Header(0x0002_0001, "OB", 2, implicitVr: false), .. version,
            .. (withTransferSyntax ? [.. Header(0x0002_0010, "UI", (uint)uid.Length, implicitVr: false), .. uid] : Array.Empty<byte>()),
        ];
        byte[] groupLength = [.. Header(0x0002_0000, "UL", 4, implicitVr: false), .. UInt32((uint)meta.Length)];
        return [.. new byte[128], .. Encoding.ASCII.GetBytes(magic), .. groupLength, .. meta,
            .. _elements.OrderBy(e => e.Tag).SelectMany(e => e.Bytes)];
    }

    public static byte[] Padded(string vr, string value)
    {
        var bytes = Encoding.ASCII.GetBytes(value);
        return bytes.Length % 2 == 0 ? bytes : [.. bytes, vr == "UI" ? (byte)0 : (byte)' '];
    }

    private static byte[] Header(uint tag, string vr, uint length, bool implicitVr)
    {
        if (implicitVr)
        {
            return [.. Tag(tag), .. UInt32(length)];
        }

        var vrBytes = Encoding.ASCII.GetBytes(vr);
        if (s_longVrs.Contains(vr))
        {
            return [.. Tag(tag), .. vrBytes, 0, 0, .. UInt32(length)];
        }

        var shortLength = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(shortLength, (ushort)length);
        return [.. Tag(tag), .. vrBytes, .. shortLength];
    }

    private static byte[] Tag(uint tag)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)(tag >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), (ushort)tag);
        return bytes;
    }

    private static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }
}
