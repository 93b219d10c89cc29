using Mammo.Imaging.Dicom;

namespace Mammo.Tests.Imaging.Dicom;

/// <summary>
/// Files written by pydicom, read by us, compared with what pydicom reads from them (pixel_array through its
/// Modality LUT, its VOI windowing) and with DCMTK's dcm2pnm rendering of the same file.
/// </summary>
public class PydicomReferenceTests(PydicomCases cases) : IClassFixture<PydicomCases>
{
    public static TheoryData<string> Names => [.. PydicomCases.All.Select(c => c.Name)];

    [ReferenceToolTheory(ReferenceTool.Pydicom)]
    [MemberData(nameof(Names))]
    public void Modality_values_match_what_pydicom_wrote_and_reads(string name)
    {
        var testCase = Case(name);
        var image = DicomFile.Read(cases.File(testCase));

        Assert.Equal((PydicomCase.Width, PydicomCase.Height), (image.Width, image.Height));
        Assert.Equal(cases.Intended(testCase).Select(v => (float)v), image.Values);
        if (testCase is { IsSigned: true, SignExtended: false } && testCase.BitsStored < testCase.BitsAllocated && PydicomMajorVersion() < 3)
        {
            // pydicom 2's pixel_array does not sign-extend from BitsStored (−1 in 12 bits comes out as 4095);
            // PS3.5 8.1.1 and DCMTK do, and the rendering test below holds this file to dcm2pnm.
            Assert.NotEqual(cases.PixelArray(testCase).Select(v => (float)v), image.Values);
        }
        else
        {
            Assert.Equal(cases.PixelArray(testCase).Select(v => (float)v), image.Values);
        }
    }

    [ReferenceToolTheory(ReferenceTool.Pydicom)]
    [MemberData(nameof(Names))]
    public void Attributes_are_the_ones_written(string name)
    {
        var testCase = Case(name);
        var image = DicomFile.Read(cases.File(testCase));

        Assert.Equal(testCase.Implicit ? DicomTransferSyntax.ImplicitVrLittleEndian : DicomTransferSyntax.ExplicitVrLittleEndian, image.TransferSyntax);
        Assert.Equal((testCase.BitsAllocated, testCase.BitsStored, testCase.BitsStored - 1, testCase.IsSigned),
            (image.BitsAllocated, image.BitsStored, image.HighBit, image.IsSigned));
        Assert.Equal(testCase.Photometric == "MONOCHROME1" ? PhotometricInterpretation.Monochrome1 : PhotometricInterpretation.Monochrome2, image.Photometric);
        Assert.Equal((testCase.Slope ?? 1, testCase.Intercept ?? 0), (image.RescaleSlope, image.RescaleIntercept));
        var expectedWindow = testCase.WindowCenter is null ? null : new DicomWindow(
            First(testCase.WindowCenter), First(testCase.WindowWidth!),
            testCase.VoiLutFunction switch { "SIGMOID" => VoiLutFunction.Sigmoid, "LINEAR_EXACT" => VoiLutFunction.LinearExact, _ => VoiLutFunction.Linear });
        Assert.Equal(expectedWindow, image.Window);
        Assert.Equal(testCase.Padding, image.PixelPaddingValue);
        // The padded block (30 pixels) and any gradient pixel that happens to hold the padding value.
        Assert.Equal(testCase.Padding is null ? null : cases.Intended(testCase).Count(v => v == testCase.Padding), image.Padding?.Count(p => p));
        Assert.Equal(testCase.ImageLaterality switch { "L" => Laterality.Left, "R" => Laterality.Right, _ => (Laterality?)null }, image.Laterality);
        Assert.Equal(testCase.ViewPosition, image.ViewPosition);
        Assert.Equal(testCase.PatientId, image.PatientId);
        Assert.Equal(testCase.PresentationIntentType switch
        {
            "FOR PRESENTATION" => PresentationIntent.ForPresentation,
            "FOR PROCESSING" => PresentationIntent.ForProcessing,
            _ => (PresentationIntent?)null,
        }, image.PresentationIntent);
    }

    [ReferenceToolTheory(ReferenceTool.Pydicom)]
    [MemberData(nameof(Names))]
    public void The_window_formulas_match_pydicom_apply_windowing(string name)
    {
        var testCase = Case(name);
        if (!testCase.HasWindow)
        {
            return;
        }

        var image = DicomFile.Read(cases.File(testCase));
        var windowed = cases.Windowed(testCase);
        // pydicom's output range: the stored range of BitsStored, through the rescale when the file has one.
        var (yMin, yMax) = testCase.IsSigned
            ? (-Math.Pow(2, testCase.BitsStored - 1), Math.Pow(2, testCase.BitsStored - 1) - 1)
            : (0, Math.Pow(2, testCase.BitsStored) - 1);
        if (testCase.Slope is { } slope)
        {
            (yMin, yMax) = ((yMin * slope) + testCase.Intercept!.Value, (yMax * slope) + testCase.Intercept!.Value);
        }

        for (var i = 0; i < windowed.Length; i++)
        {
            Assert.Equal(windowed[i], image.Window!.Map(image.Values[i], yMin, yMax), 1e-6 * (yMax - yMin));
        }
    }

    [ReferenceToolTheory(ReferenceTool.Pydicom, ReferenceTool.Dcmtk)]
    [MemberData(nameof(Names))]
    public void The_8_bit_rendering_matches_dcm2pnm(string name)
    {
        var testCase = Case(name);
        var image = DicomFile.Read(cases.File(testCase));
        var ours = image.ToGrayImage();
        if (testCase.VoiLutFunction == "LINEAR_EXACT")
        {
            // DCMTK 3.6.7 has no LINEAR_EXACT: compared with pydicom's windowing, scaled from its range to 0..255.
            var range = Math.Pow(2, testCase.BitsStored) - 1;
            var expected = cases.Windowed(testCase).Select(v => (byte)Math.Floor((v / range * 255) + 0.5)).ToArray();
            Assert.All(expected.Zip(ours.Pixels), p => Assert.InRange(p.First - p.Second, -1, 1));
            return;
        }

        var dcmtk = Dcm2Pnm.Render(cases.File(testCase), Dcm2Pnm.MatchingOptions(image));
        var compared = Enumerable.Range(0, ours.Pixels.Length).Where(i => image.Padding is null || !image.Padding[i]).ToList();

        // DCMTK truncates the formula's value to an integer, ours rounds it to the nearest: where the fraction is
        // 0.5 or more, DCMTK's level is one below ours, never above, never further.
        Assert.All(compared, i => Assert.InRange(ours.Pixels[i] - dcmtk.Pixels[i], 0, 1));
        if (image.Padding is not null)
        {
            Assert.All(image.Padding.Select((p, i) => (p, i)).Where(t => t.p), t => Assert.Equal(0, ours.Pixels[t.i]));
        }
    }

    [ReferenceToolTheory(ReferenceTool.Pydicom, ReferenceTool.Dcmtk)]
    [InlineData("u16-sequences-explicit")]
    [InlineData("u16-sequences-implicit")]
    public void The_sequence_files_hold_the_structures_they_test(string name)
    {
        var dump = ReferenceTools.Run("dcmdump", [cases.File(Case(name))]);

        Assert.Contains("(0008,1140) SQ (Sequence with undefined length", dump, StringComparison.Ordinal);
        Assert.Contains("(fffe,e000) na (Item with undefined length", dump, StringComparison.Ordinal);
        Assert.Contains("(0054,0220) SQ (Sequence with explicit length", dump, StringComparison.Ordinal);
        Assert.Contains("(0088,0200) SQ (Sequence with undefined length", dump, StringComparison.Ordinal);
        Assert.Contains("(0009,1002)", dump, StringComparison.Ordinal);
        Assert.Contains("(0019,1010)", dump, StringComparison.Ordinal);
        var image = DicomFile.Read(cases.File(Case(name)));
        Assert.Equal((37, 23), (image.Width, image.Height));
    }

    private static PydicomCase Case(string name) => PydicomCases.All.Single(c => c.Name == name);

    private static double First(string values) =>
        double.Parse(values.Split('\\')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static int PydicomMajorVersion() =>
        int.Parse(ReferenceTools.Run(ReferenceTools.Python, ["-c", "import pydicom; print(pydicom.__version__.split('.')[0])"]).Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
}
