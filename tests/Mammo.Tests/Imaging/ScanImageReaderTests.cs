using Mammo.Imaging;
using Mammo.Tests.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Mammo.Tests.Imaging;

public class ScanImageReaderTests
{
    private static readonly GrayImage s_image = Pgm.WithDisc(40, 30, 10, 12, 5);

    [Fact]
    public void Reads_an_8_bit_binary_pgm_pixel_for_pixel()
    {
        var read = ScanImageReader.Read(Pgm.Encode(s_image), "a.pgm");

        Assert.Equal((40, 30), (read.Width, read.Height));
        Assert.Equal(s_image.Pixels, read.Pixels);
    }

    [Fact]
    public void Pixels_with_whitespace_values_right_after_the_header_are_kept()
    {
        // 10 is '\n' and 32 is ' ': a decoder that skips whitespace after the header shifts the image.
        var image = new GrayImage(4, 1, [10, 32, 13, 9]);

        Assert.Equal(image.Pixels, ScanImageReader.Read(Pgm.Encode(image), "w.pgm").Pixels);
    }

    [Fact]
    public void Reads_a_16_bit_pgm_scaled_to_8_bits()
    {
        var read = ScanImageReader.Read(Pgm.Encode(s_image, maxValue: 65535), "a16.pgm");

        Assert.Equal((40, 30), (read.Width, read.Height));
        Assert.All(read.Pixels.Zip(s_image.Pixels), p => Assert.InRange(p.First - p.Second, -1, 1));
    }

    [Fact]
    public void Reads_other_formats_that_ImageSharp_reads()
    {
        using var png = Image.LoadPixelData<L8>(s_image.Pixels, 40, 30);
        using var stream = new MemoryStream();
        png.SaveAsPng(stream);

        Assert.Equal(s_image.Pixels, ScanImageReader.Read(stream.ToArray(), "a.png").Pixels);
    }

    [Fact]
    public void A_truncated_pgm_is_refused_naming_the_file_and_sizes()
    {
        var bytes = Pgm.Encode(s_image);

        var error = Assert.Throws<ImageLoadException>(() => ScanImageReader.Read(bytes[..^7], "mdb009.pgm"));

        Assert.Equal($"mdb009.pgm: truncated PGM: 40×30 needs {bytes.Length} bytes, the file has {bytes.Length - 7}", error.Message);
    }

    [Fact]
    public void Unknown_content_is_refused_naming_the_file()
    {
        var error = Assert.Throws<ImageLoadException>(() => ScanImageReader.Read("hello, not an image"u8.ToArray(), "x.pgm"));

        Assert.StartsWith("x.pgm: cannot be read as an image", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P6\n4 4\n255\n", "not a binary PGM: starts with 'P6'")]
    [InlineData("P5\n4", "PGM header is truncated or malformed")]
    [InlineData("P5\n# comment\n0 4\n255\n", "PGM header has width 0")]
    public void Header_problems_are_named(string header, string reason)
    {
        Assert.False(PgmHeader.TryParse(System.Text.Encoding.ASCII.GetBytes(header), out _, out var error));
        Assert.StartsWith(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_with_comments_gives_dimensions_and_data_offset()
    {
        var text = "P5\n# made by a scanner\n1024 1024\n255\n";

        Assert.True(PgmHeader.TryParse(System.Text.Encoding.ASCII.GetBytes(text + "xyz"), out var header, out _));

        Assert.Equal(new PgmHeader(1024, 1024, 255, text.Length), header);
        Assert.Equal(text.Length + (1024L * 1024), header!.ExpectedLength);
    }
}
