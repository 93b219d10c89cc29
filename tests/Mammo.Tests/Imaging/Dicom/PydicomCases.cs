using System.Text.Json;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Imaging.Dicom;

/// <summary>
/// Writes every <see cref="PydicomCase"/> with pydicom once per test class (on first use, so a class whose tests
/// are all skipped runs nothing), and what pydicom reads back: its <c>pixel_array</c> through its Modality LUT,
/// and its VOI windowing of that.
/// </summary>
public sealed class PydicomCases : IDisposable
{
    public static readonly PydicomCase[] All =
    [
        new("u16-explicit-window", Implicit: false, 16, 16, IsSigned: false, WindowCenter: "30000", WindowWidth: "40000",
            ImageLaterality: "L", ViewPosition: "CC", PatientId: "P-001", PresentationIntentType: "FOR PRESENTATION"),
        new("u12-implicit-minmax", Implicit: true, 16, 12, IsSigned: false, ImageLaterality: "R", ViewPosition: "MLO"),
        new("s16-rescale-multiwindow", Implicit: false, 16, 16, IsSigned: true, Slope: 2, Intercept: -100,
            WindowCenter: "-100\\5000", WindowWidth: "60000\\500", PresentationIntentType: "FOR PROCESSING"),
        new("s12-implicit-sign-extended", Implicit: true, 16, 12, IsSigned: true, WindowCenter: "0", WindowWidth: "3000"),
        new("s12-explicit-stored-bits-only", Implicit: false, 16, 12, IsSigned: true, SignExtended: false),
        new("mono1-u14-window", Implicit: false, 16, 14, IsSigned: false, Photometric: "MONOCHROME1", WindowCenter: "8000", WindowWidth: "12000"),
        new("mono1-u12-minmax", Implicit: true, 16, 12, IsSigned: false, Photometric: "MONOCHROME1"),
        new("u8-explicit", Implicit: false, 8, 8, IsSigned: false),
        new("u8-implicit-window", Implicit: true, 8, 8, IsSigned: false, WindowCenter: "100", WindowWidth: "120"),
        new("u12-padding-minmax", Implicit: false, 16, 12, IsSigned: false, Padding: 4095),
        new("s16-padding-window", Implicit: true, 16, 16, IsSigned: true, Padding: -32768, WindowCenter: "0", WindowWidth: "40000"),
        new("u12-sigmoid", Implicit: false, 16, 12, IsSigned: false, WindowCenter: "2048", WindowWidth: "1000", VoiLutFunction: "SIGMOID"),
        new("u12-linear-exact", Implicit: false, 16, 12, IsSigned: false, WindowCenter: "2048", WindowWidth: "1000", VoiLutFunction: "LINEAR_EXACT"),
        new("u16-sequences-explicit", Implicit: false, 16, 16, IsSigned: false, Sequences: true, WindowCenter: "20000", WindowWidth: "30000"),
        new("u16-sequences-implicit", Implicit: true, 16, 16, IsSigned: false, Sequences: true),
    ];

    private const string Script = """
        import json, os, sys
        import numpy as np
        import pydicom
        from pydicom.dataset import Dataset, FileMetaDataset
        from pydicom.sequence import Sequence
        from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian
        try:
            from pydicom.pixels import apply_modality_lut, apply_windowing
        except ImportError:
            from pydicom.pixel_data_handlers.util import apply_modality_lut, apply_windowing

        out = sys.argv[1]
        W, H = 37, 23

        def code(value, meaning):
            item = Dataset()
            item.CodeValue = value
            item.CodingSchemeDesignator = "SCT"
            item.CodeMeaning = meaning
            return item

        def undefined(ds, keyword):
            ds[keyword].is_undefined_length = True
            for item in ds[keyword].value:
                item.is_undefined_length_sequence_item = True

        def add_sequences(ds):
            # An undefined-length sequence of undefined-length items, one holding a nested sequence.
            first = Dataset()
            first.ReferencedSOPClassUID = "1.2.840.10008.5.1.4.1.1.1.2"
            first.ReferencedSOPInstanceUID = "1.2.3.4.5"
            first.PurposeOfReferenceCodeSequence = Sequence([code("121311", "Localizer")])
            undefined(first, "PurposeOfReferenceCodeSequence")
            second = Dataset()
            second.ReferencedSOPClassUID = "1.2.840.10008.5.1.4.1.1.1.2"
            second.ReferencedSOPInstanceUID = "1.2.3.4.6"
            ds.ReferencedImageSequence = Sequence([first, second])
            undefined(ds, "ReferencedImageSequence")
            # A defined-length sequence.
            ds.ViewCodeSequence = Sequence([code("399162004", "cranio-caudal")])
            # An icon with its own Rows, Columns and Pixel Data, which must not be taken for the image's.
            icon = Dataset()
            icon.SamplesPerPixel = 1
            icon.PhotometricInterpretation = "MONOCHROME2"
            icon.Rows = 4
            icon.Columns = 5
            icon.BitsAllocated = 8
            icon.BitsStored = 8
            icon.HighBit = 7
            icon.PixelRepresentation = 0
            icon.PixelData = bytes(range(20))
            ds.IconImageSequence = Sequence([icon])
            undefined(ds, "IconImageSequence")
            # Private tags with their creator, and one without (odd but seen in the wild).
            ds.add_new(0x00090010, "LO", "MAMMO TEST")
            ds.add_new(0x00091001, "OB", b"\x01\x02\x03\x04\x05\x06")
            ds.add_new(0x00091002, "UN", b"abcdefgh")
            ds.add_new(0x00191010, "LO", "odd private")

        def stored_values(case):
            bs = case["BitsStored"]
            lo = -(1 << (bs - 1)) if case["IsSigned"] else 0
            hi = lo + (1 << bs) - 1
            y, x = np.mgrid[0:H, 0:W]
            t = 0.6 * x / (W - 1) + 0.4 * y / (H - 1)
            v = lo + np.round(t * (hi - lo)).astype(np.int64)
            v[5:11, 5:11] = lo + (hi - lo) // 3
            if case["Padding"] is not None:
                v[0:3, 0:10] = case["Padding"]
            return v

        def save(ds, path, implicit):
            ds.file_meta.TransferSyntaxUID = ImplicitVRLittleEndian if implicit else ExplicitVRLittleEndian
            if int(pydicom.__version__.split(".")[0]) >= 3:
                ds.save_as(path, enforce_file_format=True)
            else:
                ds.is_little_endian = True
                ds.is_implicit_VR = implicit
                ds.save_as(path, write_like_original=False)

        for case in json.load(open(os.path.join(out, "cases.json"))):
            ds = Dataset()
            ds.file_meta = FileMetaDataset()
            ds.file_meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.1.2"
            ds.file_meta.MediaStorageSOPInstanceUID = "1.2.3.4.5.6.7"
            ds.SOPClassUID = ds.file_meta.MediaStorageSOPClassUID
            ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID
            ds.Modality = "MG"
            for keyword in ("ImageLaterality", "ViewPosition", "PatientID", "PresentationIntentType"):
                key = "PatientId" if keyword == "PatientID" else keyword
                if case[key] is not None:
                    setattr(ds, keyword, case[key])
            ds.SamplesPerPixel = 1
            ds.PhotometricInterpretation = case["Photometric"]
            ds.Rows = H
            ds.Columns = W
            ds.BitsAllocated = case["BitsAllocated"]
            ds.BitsStored = case["BitsStored"]
            ds.HighBit = case["BitsStored"] - 1
            ds.PixelRepresentation = 1 if case["IsSigned"] else 0
            if case["Slope"] is not None:
                ds.RescaleSlope = case["Slope"]
                ds.RescaleIntercept = case["Intercept"]
                ds.RescaleType = "US"
            if case["WindowCenter"] is not None:
                centers = [float(v) for v in case["WindowCenter"].split("\\")]
                widths = [float(v) for v in case["WindowWidth"].split("\\")]
                ds.WindowCenter = centers if len(centers) > 1 else centers[0]
                ds.WindowWidth = widths if len(widths) > 1 else widths[0]
            if case["VoiLutFunction"] is not None:
                ds.VOILUTFunction = case["VoiLutFunction"]
            if case["Padding"] is not None:
                ds.add_new(0x00280120, "SS" if case["IsSigned"] else "US", case["Padding"])
            if case["Sequences"]:
                add_sequences(ds)
            stored = stored_values(case)
            word = 0xFF if case["BitsAllocated"] == 8 else 0xFFFF
            bits = word if case["SignExtended"] else (1 << case["BitsStored"]) - 1
            ds.PixelData = (stored & bits).astype("<u1" if case["BitsAllocated"] == 8 else "<u2").tobytes()
            path = os.path.join(out, case["Name"] + ".dcm")
            save(ds, path, case["Implicit"])

            slope = case["Slope"] if case["Slope"] is not None else 1.0
            intercept = case["Intercept"] if case["Intercept"] is not None else 0.0
            (stored * slope + intercept).astype("<f8").tofile(path + ".intended.f64")
            back = pydicom.dcmread(path)
            modality = np.asarray(apply_modality_lut(back.pixel_array, back), dtype="<f8")
            modality.tofile(path + ".pixel_array.f64")
            if case["WindowCenter"] is not None:
                np.asarray(apply_windowing(modality.copy(), back), dtype="<f8").tofile(path + ".windowed.f64")
        """;

    private readonly TempFolder _folder = new();
    private readonly Lazy<string> _written;

    public PydicomCases()
    {
        _written = new Lazy<string>(Write);
    }

    /// <summary>The folder with the files, written on first use.</summary>
    public string Folder => _written.Value;

    public string File(PydicomCase testCase) => Path.Combine(Folder, testCase.Name + ".dcm");

    /// <summary>Stored value × slope + intercept as the script computed it before writing.</summary>
    public double[] Intended(PydicomCase testCase) => Doubles(File(testCase) + ".intended.f64");

    /// <summary>pydicom's <c>apply_modality_lut(pixel_array)</c> of the file read back.</summary>
    public double[] PixelArray(PydicomCase testCase) => Doubles(File(testCase) + ".pixel_array.f64");

    /// <summary>pydicom's <c>apply_windowing</c> of that, in pydicom's output range.</summary>
    public double[] Windowed(PydicomCase testCase) => Doubles(File(testCase) + ".windowed.f64");

    public void Dispose() => _folder.Dispose();

    private string Write()
    {
        System.IO.File.WriteAllText(_folder.File("cases.json"), JsonSerializer.Serialize(All));
        System.IO.File.WriteAllText(_folder.File("make_cases.py"), Script);
        ReferenceTools.Run(ReferenceTools.Python, [_folder.File("make_cases.py"), _folder.Path]);
        return _folder.Path;
    }

    private static double[] Doubles(string path)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        var values = new double[bytes.Length / 8];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }
}
