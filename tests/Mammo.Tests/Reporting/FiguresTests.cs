using Mammo.Data;
using Mammo.Imaging;
using Mammo.Reporting.Figures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

using static Mammo.Tests.TestSupport.PngProbe;

namespace Mammo.Tests.Reporting;

public class FiguresTests
{
    private const int Side = 256;
    private const byte DiscGrey = 220;

    // 600 px wide leaves a 512 px data area: two figure pixels per image pixel.
    private const int FigureWidth = 600;

    // Far below the vertical centre (row 128): drawn at MIAS y as if it were a row, a circle lands 128 image
    // rows (256 figure pixels) away, so a missing or doubled y flip cannot pass.
    private static readonly (double Column, double Row, double Radius) s_malignant = (64, 200, 20);
    private static readonly (double Column, double Row, double Radius) s_benign = (190, 56, 16);

    [Fact]
    public void Scan_figure_decodes_at_the_requested_width_and_is_not_blank()
    {
        var (image, scan) = Synthetic(s_malignant);

        using var png = Image.Load<Rgba32>(ScanFigure.RenderPng(image, scan, FigureWidth));

        var layout = ScanFigure.Layout(image, scan, FigureWidth);
        Assert.Equal(FigureWidth, png.Width);
        Assert.Equal(layout.Height, png.Height);
        Assert.Equal(layout.DataWidth, layout.DataHeight);
        Assert.True(DistinctColours(png) > 100, $"only {DistinctColours(png)} colours");
    }

    [Fact]
    public void Lesion_circle_is_drawn_at_its_MIAS_centre_flipped_to_image_rows()
    {
        var (image, scan) = Synthetic(s_malignant);

        using var png = Image.Load<Rgba32>(ScanFigure.RenderPng(image, scan, FigureWidth));

        var layout = ScanFigure.Layout(image, scan, FigureWidth);
        var expected = layout.ToFigure(s_malignant.Column, s_malignant.Row);
        var circle = Centroid(png, p => Near(p, FigureStyle.Malignant));
        Assert.True(circle.Count > 200, $"only {circle.Count} pixels of the malignant colour");
        AssertNear(expected, circle.Centre, 3);
        Assert.Equal(0, Centroid(png, p => Near(p, FigureStyle.Benign)).Count);

        // Independent of the layout arithmetic: the circle surrounds the disc the image itself shows.
        var disc = Centroid(png, p => p.R == DiscGrey && p.G == DiscGrey && p.B == DiscGrey, DataArea(layout));
        Assert.True(disc.Count > 1000, $"only {disc.Count} disc pixels");
        AssertNear(disc.Centre, circle.Centre, 3);
    }

    [Fact]
    public void Benign_and_malignant_lesions_get_their_own_colour_at_their_own_place()
    {
        var (image, scan) = Synthetic(s_malignant, s_benign);

        using var png = Image.Load<Rgba32>(ScanFigure.RenderPng(image, scan, FigureWidth));

        var layout = ScanFigure.Layout(image, scan, FigureWidth);
        AssertNear(layout.ToFigure(s_malignant.Column, s_malignant.Row), Centroid(png, p => Near(p, FigureStyle.Malignant)).Centre, 3);
        AssertNear(layout.ToFigure(s_benign.Column, s_benign.Row), Centroid(png, p => Near(p, FigureStyle.Benign)).Centre, 3);
    }

    [Fact]
    public void Marked_region_is_outlined_around_its_cut_square()
    {
        var (image, scan) = Synthetic();
        var region = new PatchOrigin(scan, null, X: 100, Y: PatchGeometry.MiasY(60, Side), Radius: 24);

        using var png = Image.Load<Rgba32>(ScanFigure.RenderPng(image, scan, [region], FigureWidth));

        var layout = ScanFigure.Layout(image, scan, FigureWidth);
        var outline = Centroid(png, p => Near(p, FigureStyle.Region));
        Assert.True(outline.Count > 100, $"only {outline.Count} pixels of the region colour");
        AssertNear(layout.ToFigure(100, 60), outline.Centre, 4);
    }

    [Fact]
    public void Lesions_without_location_add_a_title_line_and_labels_carry_the_index_when_several()
    {
        var (image, scan) = Synthetic(s_malignant);
        var unlocated = new Lesion(scan.Id, 1, scan.Patient, AbnormalityClass.Calcification, Severity.Malignant, null, "*NOTE 3*", 2);
        var withNote = scan with { Lesions = [.. scan.Lesions, unlocated] };

        Assert.True(ScanFigure.Layout(image, withNote, FigureWidth).Height > ScanFigure.Layout(image, scan, FigureWidth).Height);
        Assert.Equal("CIRC M", ScanFigure.LesionLabel(scan.Lesions[0], several: false));
        Assert.Equal("#1 CALC M", ScanFigure.LesionLabel(unlocated, several: true));

        using var png = Image.Load<Rgba32>(ScanFigure.RenderPng(image, withNote, FigureWidth));
        Assert.Equal(ScanFigure.Layout(image, withNote, FigureWidth).Height, png.Height);
    }

    [Fact]
    public void Gallery_of_eight_variants_is_a_pixel_exact_four_by_two_grid()
    {
        var variants = Variants(VariantScheme.Dihedral);
        Assert.Equal(8, variants.Count);

        using var png = Image.Load<Rgba32>(VariantGallery.RenderPng(variants, cellPx: 160));

        var (width, height) = VariantGallery.Size(variants, 160);
        Assert.Equal(4 * 160, width);
        Assert.Equal((png.Width, png.Height), (width, height));
        Assert.True(DistinctColours(png) > 100, $"only {DistinctColours(png)} colours");
        for (var i = 0; i < variants.Count; i++)
        {
            var (left, top, side) = VariantGallery.ImageArea(variants, i, 160);
            Assert.Equal(0, side % variants[i].Size);
            var block = side / variants[i].Size;
            for (var y = 0; y < side; y++)
            {
                for (var x = 0; x < side; x++)
                {
                    var expected = variants[i].Pixels[(y / block * variants[i].Size) + (x / block)];
                    var actual = png[left + x, top + y];
                    if (actual.R != expected || actual.G != expected || actual.B != expected)
                    {
                        Assert.Fail($"{variants[i].Variant.Name}: figure pixel ({left + x}, {top + y}) is {actual}, patch pixel {expected}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Gallery_of_twelve_seed_variants_puts_one_rotation_a_row()
    {
        var variants = Variants(VariantScheme.Original);

        using var png = Image.Load<Rgba32>(VariantGallery.RenderPng(variants, cellPx: 120));

        var (width, height) = VariantGallery.Size(variants, 120);
        Assert.Equal(3 * 120, width);
        Assert.Equal((png.Width, png.Height), (width, height));
        Assert.Equal(VariantGallery.ImageArea(variants, 0, 120).Top, VariantGallery.ImageArea(variants, 2, 120).Top);
        Assert.True(VariantGallery.ImageArea(variants, 3, 120).Top > VariantGallery.ImageArea(variants, 2, 120).Top);
    }

    private static (GrayImage Image, Scan Scan) Synthetic(params (double Column, double Row, double Radius)[] discs)
    {
        var pixels = new byte[Side * Side];
        for (var row = 0; row < Side; row++)
        {
            for (var column = 0; column < Side; column++)
            {
                // A gentle gradient, so the picture has many greys, none of them the discs' grey.
                var inside = discs.Any(d => Math.Pow(column + 0.5 - d.Column, 2) + Math.Pow(row + 0.5 - d.Row, 2) <= d.Radius * d.Radius);
                pixels[(row * Side) + column] = inside ? DiscGrey : (byte)(30 + ((row + column) / 8));
            }
        }

        const int number = 999;
        var lesions = discs.Select((d, i) => new Lesion(
            "mdb999", i, Patient.OfScan(number), AbnormalityClass.Circumscribed,
            d == s_benign ? Severity.Benign : Severity.Malignant,
            new LesionLocation(d.Column, PatchGeometry.MiasY(d.Row, Side), d.Radius), null, i + 1)).ToList();
        return (new GrayImage(Side, Side, pixels), new Scan("mdb999", number, Tissue.Fatty, lesions, 1));
    }

    private static List<Patch> Variants(VariantScheme scheme)
    {
        var (_, scan) = Synthetic(s_malignant);
        var extractor = new PatchExtractor(new PatchOptions { Variants = scheme });
        var origin = extractor.Plan([scan]).Origins.Single();

        // An asymmetric ramp rather than the cut disc, so every orientation really differs.
        var pixels = new byte[extractor.Options.Size * extractor.Options.Size];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)((i / extractor.Options.Size * 4) + (i % extractor.Options.Size));
        }

        return [.. extractor.Augment(origin, pixels)];
    }
}
