namespace Mammo.Imaging.Dicom;

/// <summary>The tags the reader acts on, as group &lt;&lt; 16 | element, with their keywords for messages.</summary>
internal static class DicomTags
{
    public const uint TransferSyntaxUid = 0x0002_0010;
    public const uint SpecificCharacterSet = 0x0008_0005;
    public const uint PresentationIntentType = 0x0008_0068;
    public const uint PatientId = 0x0010_0020;
    public const uint ViewPosition = 0x0018_5101;
    public const uint Laterality = 0x0020_0060;
    public const uint ImageLaterality = 0x0020_0062;
    public const uint SamplesPerPixel = 0x0028_0002;
    public const uint PhotometricInterpretation = 0x0028_0004;
    public const uint NumberOfFrames = 0x0028_0008;
    public const uint Rows = 0x0028_0010;
    public const uint Columns = 0x0028_0011;
    public const uint BitsAllocated = 0x0028_0100;
    public const uint BitsStored = 0x0028_0101;
    public const uint HighBit = 0x0028_0102;
    public const uint PixelRepresentation = 0x0028_0103;
    public const uint PixelPaddingValue = 0x0028_0120;
    public const uint WindowCenter = 0x0028_1050;
    public const uint WindowWidth = 0x0028_1051;
    public const uint RescaleIntercept = 0x0028_1052;
    public const uint RescaleSlope = 0x0028_1053;
    public const uint VoiLutFunction = 0x0028_1056;
    public const uint PixelData = 0x7FE0_0010;
    public const uint Item = 0xFFFE_E000;
    public const uint ItemDelimitation = 0xFFFE_E00D;
    public const uint SequenceDelimitation = 0xFFFE_E0DD;

    /// <summary>The top-level attributes whose values are kept while the data set is walked.</summary>
    public static readonly IReadOnlySet<uint> Read = new HashSet<uint>
    {
        SpecificCharacterSet, PresentationIntentType, PatientId, ViewPosition, Laterality, ImageLaterality,
        SamplesPerPixel, PhotometricInterpretation, NumberOfFrames, Rows, Columns, BitsAllocated, BitsStored,
        HighBit, PixelRepresentation, PixelPaddingValue, WindowCenter, WindowWidth, RescaleIntercept, RescaleSlope,
        VoiLutFunction,
    };

    private static readonly Dictionary<uint, string> s_keywords = new()
    {
        [TransferSyntaxUid] = "TransferSyntaxUID",
        [SpecificCharacterSet] = "SpecificCharacterSet",
        [PresentationIntentType] = "PresentationIntentType",
        [PatientId] = "PatientID",
        [ViewPosition] = "ViewPosition",
        [Laterality] = "Laterality",
        [ImageLaterality] = "ImageLaterality",
        [SamplesPerPixel] = "SamplesPerPixel",
        [PhotometricInterpretation] = "PhotometricInterpretation",
        [NumberOfFrames] = "NumberOfFrames",
        [Rows] = "Rows",
        [Columns] = "Columns",
        [BitsAllocated] = "BitsAllocated",
        [BitsStored] = "BitsStored",
        [HighBit] = "HighBit",
        [PixelRepresentation] = "PixelRepresentation",
        [PixelPaddingValue] = "PixelPaddingValue",
        [WindowCenter] = "WindowCenter",
        [WindowWidth] = "WindowWidth",
        [RescaleIntercept] = "RescaleIntercept",
        [RescaleSlope] = "RescaleSlope",
        [VoiLutFunction] = "VOILUTFunction",
        [PixelData] = "PixelData",
        [Item] = "Item",
        [ItemDelimitation] = "ItemDelimitationItem",
        [SequenceDelimitation] = "SequenceDelimitationItem",
    };

    /// <summary>"Rows (0028,0010)", or just "(0009,1010)" for a tag without a keyword here.</summary>
    public static string Name(uint tag)
    {
        var code = $"({tag >> 16:X4},{tag & 0xFFFF:X4})";
        return s_keywords.TryGetValue(tag, out var keyword) ? $"{keyword} {code}" : code;
    }
}
