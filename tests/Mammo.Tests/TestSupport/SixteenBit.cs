using System.Text;
using Mammo.Imaging;
using Mammo.Tests.Imaging.Dicom;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Mammo.Tests.TestSupport;

/// <summary>16-bit copies (value × 257, so 255 is 65535) of an 8-bit image, in every 16-bit format Mammo reads.</summary>
public static class SixteenBit
{
    public static ushort[] Samples(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return [.. image.Pixels.Select(p => (ushort)(p * 257))];
    }

    /// <summary>Binary PGM, maxval 65535, big-endian samples.</summary>
    public static byte[] Pgm(GrayImage image)
    {
        var samples = Samples(image);
        var header = Encoding.ASCII.GetBytes($"P5\n{image.Width} {image.Height}\n65535\n");
        var data = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            data[2 * i] = (byte)(samples[i] >> 8);
            data[(2 * i) + 1] = (byte)samples[i];
        }

        return [.. header, .. data];
    }

    public static byte[] Png(GrayImage image) => Encode(image, (i, s) => i.SaveAsPng(s, new PngEncoder { BitDepth = PngBitDepth.Bit16, ColorType = PngColorType.Grayscale }));

    /// <summary>
    /// Baseline TIFF, 16-bit BlackIsZero grey, little-endian, one uncompressed strip; written by hand because
    /// ImageSharp 2.1's encoder writes grey at 8 bits only.
    /// </summary>
    public static byte[] Tiff(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var samples = Samples(image);
        (ushort Tag, ushort Type, uint Value)[] entries =
        [
            (256, 4, (uint)image.Width), (257, 4, (uint)image.Height), (258, 3, 16), (259, 3, 1), (262, 3, 1),
            (273, 4, 0), (277, 3, 1), (278, 4, (uint)image.Height), (279, 4, (uint)(samples.Length * 2)),
        ];
        var dataOffset = 8 + 2 + (entries.Length * 12) + 4;
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("II*\0"u8);
        writer.Write(8u);
        writer.Write((ushort)entries.Length);
        foreach (var (tag, type, value) in entries)
        {
            writer.Write(tag);
            writer.Write(type);
            writer.Write(1u);
            var v = tag == 273 ? (uint)dataOffset : value;
            if (type == 3)
            {
                writer.Write((ushort)v);
                writer.Write((ushort)0);
            }
            else
            {
                writer.Write(v);
            }
        }

        writer.Write(0u);
        foreach (var sample in samples)
        {
            writer.Write(sample);
        }

        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>
    /// DICOM, 16 bits stored, with the window (centre 32768, width 65536) that maps 257·v onto v: the linear VOI
    /// function gives 255·x/65535 there.
    /// </summary>
    public static byte[] Dicom(GrayImage image) =>
        DicomFileBuilder.Grey(image.Width, image.Height, Samples(image))
            .Text(0x0028_1050, "DS", "32768")
            .Text(0x0028_1051, "DS", "65536")
            .Build();

    private static byte[] Encode(GrayImage image, Action<Image<L16>, Stream> save)
    {
        var samples = Samples(image);
        using var deep = Image.LoadPixelData<L16>([.. samples.Select(s => new L16(s))], image.Width, image.Height);
        using var stream = new MemoryStream();
        save(deep, stream);
        return stream.ToArray();
    }
}
