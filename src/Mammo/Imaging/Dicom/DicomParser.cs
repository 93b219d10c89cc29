using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Mammo.Imaging.Dicom;

/// <summary>
/// Walks one Part-10 file element by element from a seekable stream. Every declared length is checked against
/// the bytes left before anything is read or skipped, only the few short values named in
/// <see cref="DicomTags.Read"/> are kept, and sequences are skipped without reading their contents.
/// </summary>
internal sealed class DicomParser
{
    private const uint UndefinedLength = 0xFFFF_FFFF;

    // The attributes kept are short strings and numbers; a longer one is a broken or hostile file.
    private const int MaxValueLength = 64 * 1024;

    // Real files nest sequences a few levels deep; the limit keeps a crafted file from exhausting the stack.
    private const int MaxNesting = 64;

    private readonly Stream _stream;
    private readonly string _name;
    private readonly long _origin;
    private readonly long _length;
    private readonly int _maxPixels;
    private readonly Dictionary<uint, byte[]> _values = [];

    public DicomParser(Stream stream, string name, int maxPixels)
    {
        _stream = stream;
        _name = name;
        _origin = stream.Position;
        _length = stream.Length - _origin;
        _maxPixels = maxPixels;
    }

    private long Offset => _stream.Position - _origin;

    private long Left => _length - Offset;

    public DicomImage Parse()
    {
        ReadPreamble();
        var syntax = ReadFileMeta();
        var explicitVr = syntax == DicomTransferSyntax.ExplicitVrLittleEndian;
        while (Left > 0)
        {
            var element = ReadHeader(explicitVr);
            if (element.Tag == DicomTags.PixelData)
            {
                return ReadImage(element, syntax);
            }

            if (element.Tag >> 16 == 0xFFFE)
            {
                throw Fail($"{DicomTags.Name(element.Tag)} at offset {element.Offset} outside any sequence");
            }

            if (element.Length == UndefinedLength)
            {
                if (DicomTags.Read.Contains(element.Tag))
                {
                    throw Fail($"{DicomTags.Name(element.Tag)} at offset {element.Offset} has an undefined length");
                }

                SkipUndefined(element, explicitVr, 0);
            }
            else
            {
                CheckFits(element);
                if (DicomTags.Read.Contains(element.Tag))
                {
                    _values[element.Tag] = ReadValue(element);
                }
                else
                {
                    Skip(element.Length);
                }
            }
        }

        throw Fail($"no {DicomTags.Name(DicomTags.PixelData)}: the data set ends at offset {Offset} without pixel data");
    }

    private ImageLoadException Fail(string why) => new($"{_name}: {why}");

    private void ReadPreamble()
    {
        if (_length < 132)
        {
            throw Fail($"not a DICOM Part-10 file: {_length} bytes, too short for the 128-byte preamble and \"DICM\"");
        }

        Span<byte> head = stackalloc byte[132];
        _stream.ReadExactly(head);
        if (!DicomFile.IsDicom(head))
        {
            throw Fail("not a DICOM Part-10 file: no \"DICM\" at offset 128");
        }
    }

    private DicomTransferSyntax ReadFileMeta()
    {
        // Group 0002 is Explicit VR Little Endian whatever the data set's syntax; it ends where the group does
        // (the group length (0002,0000) is not trusted: writers get it wrong).
        string? uid = null;
        while (Left >= 2 && PeekGroup() == 0x0002)
        {
            var element = ReadHeader(explicitVr: true);
            if (element.Length == UndefinedLength)
            {
                throw Fail($"{DicomTags.Name(element.Tag)} at offset {element.Offset} in the file meta information has an undefined length");
            }

            CheckFits(element);
            if (element.Tag == DicomTags.TransferSyntaxUid)
            {
                uid = Printable(Encoding.ASCII.GetString(ReadValue(element)).Trim(' ', '\0'));
            }
            else
            {
                Skip(element.Length);
            }
        }

        return uid switch
        {
            null => throw Fail($"no {DicomTags.Name(DicomTags.TransferSyntaxUid)} in the file meta information"),
            TransferSyntaxNames.ExplicitVrLittleEndian => DicomTransferSyntax.ExplicitVrLittleEndian,
            TransferSyntaxNames.ImplicitVrLittleEndian => DicomTransferSyntax.ImplicitVrLittleEndian,
            _ => throw Fail(
                $"transfer syntax {TransferSyntaxNames.Name(uid)} ({uid}) is not read, only uncompressed Explicit VR Little Endian " +
                $"({TransferSyntaxNames.ExplicitVrLittleEndian}) and Implicit VR Little Endian ({TransferSyntaxNames.ImplicitVrLittleEndian}); " +
                "convert the file first: gdcmconv --raw in.dcm out.dcm (Debian package libgdcm-tools)"),
        };
    }

    private ushort PeekGroup()
    {
        Span<byte> group = stackalloc byte[2];
        _stream.ReadExactly(group);
        _stream.Seek(-2, SeekOrigin.Current);
        return BinaryPrimitives.ReadUInt16LittleEndian(group);
    }

    private Element ReadHeader(bool explicitVr)
    {
        var offset = Offset;
        Span<byte> bytes = stackalloc byte[8];
        Need(4, offset, "an element's tag");
        _stream.ReadExactly(bytes[..4]);
        var tag = ((uint)BinaryPrimitives.ReadUInt16LittleEndian(bytes) << 16) | BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]);

        // Items and delimiters have no VR in any transfer syntax.
        if (!explicitVr || tag >> 16 == 0xFFFE)
        {
            Need(4, offset, $"the length of {DicomTags.Name(tag)}");
            _stream.ReadExactly(bytes[..4]);
            return new Element(tag, null, BinaryPrimitives.ReadUInt32LittleEndian(bytes), offset);
        }

        Need(4, offset, $"the VR and length of {DicomTags.Name(tag)}");
        _stream.ReadExactly(bytes[..4]);
        if (bytes[0] is < (byte)'A' or > (byte)'Z' || bytes[1] is < (byte)'A' or > (byte)'Z')
        {
            throw Fail($"{DicomTags.Name(tag)} at offset {offset} has no valid VR (bytes 0x{bytes[0]:X2} 0x{bytes[1]:X2}) in an Explicit VR data set");
        }

        var vr = Encoding.ASCII.GetString(bytes[..2]);
        if (vr is "OB" or "OD" or "OF" or "OL" or "OV" or "OW" or "SQ" or "SV" or "UC" or "UN" or "UR" or "UT" or "UV")
        {
            // These VRs have 2 reserved bytes and a 4-byte length.
            Need(4, offset, $"the length of {DicomTags.Name(tag)}");
            _stream.ReadExactly(bytes[4..8]);
            return new Element(tag, vr, BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]), offset);
        }

        return new Element(tag, vr, BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]), offset);
    }

    private void Need(long count, long start, string what)
    {
        if (Left < count)
        {
            throw Fail($"truncated at offset {Offset}: {what} (element at offset {start}) needs {count} bytes, {Left} left");
        }
    }

    private void CheckFits(Element element)
    {
        if (element.Length > Left)
        {
            throw Fail($"{DicomTags.Name(element.Tag)} at offset {element.Offset} declares {element.Length} bytes, but only {Left} are left in the file");
        }
    }

    private byte[] ReadValue(Element element)
    {
        if (element.Length > MaxValueLength)
        {
            throw Fail($"{DicomTags.Name(element.Tag)} at offset {element.Offset} is {element.Length} bytes long, more than the {MaxValueLength} allowed for it");
        }

        var value = new byte[element.Length];
        _stream.ReadExactly(value);
        return value;
    }

    private void Skip(long count) => _stream.Seek(count, SeekOrigin.Current);

    private void SkipUndefined(Element element, bool explicitVr, int depth)
    {
        if (depth >= MaxNesting)
        {
            throw Fail($"{DicomTags.Name(element.Tag)} at offset {element.Offset} is nested more than {MaxNesting} sequences deep");
        }

        switch (explicitVr ? element.Vr : "SQ")
        {
            case "SQ":
            case "OB" or "OW":
                // OB/OW of undefined length is encapsulated data: items of defined length, like a sequence's.
                SkipItems(element, explicitVr, depth + 1);
                break;
            case "UN":
                // PS3.5 6.2.2: an unknown-VR element of undefined length is a sequence in Implicit VR Little Endian.
                SkipItems(element, explicitVr: false, depth + 1);
                break;
            default:
                throw Fail($"{DicomTags.Name(element.Tag)} at offset {element.Offset} has VR {element.Vr} with an undefined length, which only SQ, UN, OB and OW may have");
        }
    }

    private void SkipItems(Element sequence, bool explicitVr, int depth)
    {
        while (true)
        {
            var item = ReadHeader(explicitVr: false);
            if (item.Tag == DicomTags.SequenceDelimitation)
            {
                return;
            }

            if (item.Tag != DicomTags.Item)
            {
                throw Fail($"expected an Item (FFFE,E000) at offset {item.Offset} inside {DicomTags.Name(sequence.Tag)} (offset {sequence.Offset}), found {DicomTags.Name(item.Tag)}");
            }

            if (item.Length == UndefinedLength)
            {
                SkipItemDataSet(sequence, explicitVr, depth);
            }
            else
            {
                CheckFits(item);
                Skip(item.Length);
            }
        }
    }

    private void SkipItemDataSet(Element sequence, bool explicitVr, int depth)
    {
        while (true)
        {
            var element = ReadHeader(explicitVr);
            if (element.Tag == DicomTags.ItemDelimitation)
            {
                return;
            }

            if (element.Tag >> 16 == 0xFFFE)
            {
                throw Fail($"expected an element or an ItemDelimitationItem (FFFE,E00D) at offset {element.Offset} inside {DicomTags.Name(sequence.Tag)} (offset {sequence.Offset}), found {DicomTags.Name(element.Tag)}");
            }

            if (element.Length == UndefinedLength)
            {
                SkipUndefined(element, explicitVr, depth);
            }
            else
            {
                CheckFits(element);
                Skip(element.Length);
            }
        }
    }

    private DicomImage ReadImage(Element pixelData, DicomTransferSyntax syntax)
    {
        var rows = Required(DicomTags.Rows, pixelData);
        var columns = Required(DicomTags.Columns, pixelData);
        if (rows == 0 || columns == 0)
        {
            throw Fail($"Rows×Columns is {rows}×{columns}: an image needs both above 0");
        }

        var count = (long)rows * columns;
        if (count > _maxPixels)
        {
            throw new ImageTooLargeException(_name, columns, rows, _maxPixels);
        }

        var samples = UInt16(DicomTags.SamplesPerPixel) ?? 1;
        if (samples != 1)
        {
            throw Fail($"{DicomTags.Name(DicomTags.SamplesPerPixel)} is {samples}: only single-sample (grey) images are read");
        }

        var photometric = Text(DicomTags.PhotometricInterpretation) switch
        {
            "MONOCHROME1" => PhotometricInterpretation.Monochrome1,
            "MONOCHROME2" => PhotometricInterpretation.Monochrome2,
            null => throw Fail($"no {DicomTags.Name(DicomTags.PhotometricInterpretation)} before the pixel data at offset {pixelData.Offset}"),
            var other => throw Fail($"{DicomTags.Name(DicomTags.PhotometricInterpretation)} is \"{other}\": only MONOCHROME1 and MONOCHROME2 are read"),
        };

        var frames = IntegerString(DicomTags.NumberOfFrames) ?? 1;
        if (frames != 1)
        {
            throw Fail($"{DicomTags.Name(DicomTags.NumberOfFrames)} is {frames}: only single-frame images are read");
        }

        var bitsAllocated = Required(DicomTags.BitsAllocated, pixelData);
        if (bitsAllocated is not (8 or 16))
        {
            throw Fail($"{DicomTags.Name(DicomTags.BitsAllocated)} is {bitsAllocated}: only 8 and 16 are read");
        }

        var bitsStored = UInt16(DicomTags.BitsStored) ?? bitsAllocated;
        if (bitsStored < 1 || bitsStored > bitsAllocated)
        {
            throw Fail($"{DicomTags.Name(DicomTags.BitsStored)} is {bitsStored} with BitsAllocated {bitsAllocated}: it must be 1..{bitsAllocated}");
        }

        var highBit = UInt16(DicomTags.HighBit) ?? (bitsStored - 1);
        if (highBit != bitsStored - 1)
        {
            throw Fail($"{DicomTags.Name(DicomTags.HighBit)} is {highBit} with BitsStored {bitsStored}: only HighBit = BitsStored − 1 is read");
        }

        var representation = UInt16(DicomTags.PixelRepresentation) ?? 0;
        if (representation is not (0 or 1))
        {
            throw Fail($"{DicomTags.Name(DicomTags.PixelRepresentation)} is {representation}: it must be 0 (unsigned) or 1 (signed)");
        }

        var signed = representation == 1;
        var slope = Decimal(DicomTags.RescaleSlope) ?? 1;
        var intercept = Decimal(DicomTags.RescaleIntercept) ?? 0;
        var window = Window();
        var padding = UInt16(DicomTags.PixelPaddingValue) is { } raw ? signed ? (short)raw : raw : (int?)null;

        if (pixelData.Length == UndefinedLength)
        {
            throw Fail($"{DicomTags.Name(DicomTags.PixelData)} at offset {pixelData.Offset} is encapsulated (undefined length) although the transfer syntax is uncompressed");
        }

        CheckFits(pixelData);
        var bytesPerSample = bitsAllocated / 8;
        var needed = count * bytesPerSample;
        if (pixelData.Length < needed)
        {
            throw Fail($"{DicomTags.Name(DicomTags.PixelData)} at offset {pixelData.Offset} has {pixelData.Length} bytes, " +
                $"Rows×Columns×BitsAllocated/8 = {rows}×{columns}×{bitsAllocated}/8 needs {needed}");
        }

        var (values, paddingMask) = Decode((int)count, bytesPerSample, bitsStored, signed, slope, intercept, padding);
        return new DicomImage
        {
            Width = columns,
            Height = rows,
            Values = values,
            Padding = paddingMask,
            TransferSyntax = syntax,
            BitsAllocated = bitsAllocated,
            BitsStored = bitsStored,
            HighBit = highBit,
            IsSigned = signed,
            Photometric = photometric,
            RescaleSlope = slope,
            RescaleIntercept = intercept,
            Window = window,
            PixelPaddingValue = padding,
            PresentationIntent = Text(DicomTags.PresentationIntentType) switch
            {
                null => null,
                "FOR PRESENTATION" => PresentationIntent.ForPresentation,
                "FOR PROCESSING" => PresentationIntent.ForProcessing,
                var other => throw Fail($"{DicomTags.Name(DicomTags.PresentationIntentType)} is \"{other}\": expected FOR PRESENTATION or FOR PROCESSING"),
            },
            Laterality = LateralityOf(DicomTags.ImageLaterality) ?? LateralityOf(DicomTags.Laterality),
            ViewPosition = Text(DicomTags.ViewPosition),
            PatientId = Text(DicomTags.PatientId),
        };
    }

    private (float[] Values, bool[]? Padding) Decode(int count, int bytesPerSample, int bitsStored, bool signed, double slope, double intercept, int? padding)
    {
        var values = new float[count];
        var mask = padding is null ? null : new bool[count];
        var bits = (1 << bitsStored) - 1;
        var sign = 1 << (bitsStored - 1);
        var buffer = new byte[Math.Min(1 << 16, count * bytesPerSample)];
        var samplesPerChunk = buffer.Length / bytesPerSample;
        for (var done = 0; done < count;)
        {
            var n = Math.Min(samplesPerChunk, count - done);
            _stream.ReadExactly(buffer, 0, n * bytesPerSample);
            for (var i = 0; i < n; i++)
            {
                // Bits above BitsStored are not pixel data (old files keep overlays there): masked off, then the
                // sign extended from the stored high bit.
                var stored = (bytesPerSample == 1 ? buffer[i] : BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(2 * i))) & bits;
                if (signed && (stored & sign) != 0)
                {
                    stored -= 1 << bitsStored;
                }

                if (mask is not null && stored == padding)
                {
                    mask[done + i] = true;
                }

                values[done + i] = (float)((stored * slope) + intercept);
            }

            done += n;
        }

        return (values, mask);
    }

    private DicomWindow? Window()
    {
        var center = Decimal(DicomTags.WindowCenter);
        var width = Decimal(DicomTags.WindowWidth);
        if (center is null && width is null)
        {
            return null;
        }

        if (center is null || width is null)
        {
            throw Fail($"{DicomTags.Name(center is null ? DicomTags.WindowWidth : DicomTags.WindowCenter)} without {DicomTags.Name(center is null ? DicomTags.WindowCenter : DicomTags.WindowWidth)}");
        }

        var function = Text(DicomTags.VoiLutFunction) switch
        {
            null or "LINEAR" => VoiLutFunction.Linear,
            "LINEAR_EXACT" => VoiLutFunction.LinearExact,
            "SIGMOID" => VoiLutFunction.Sigmoid,
            var other => throw Fail($"{DicomTags.Name(DicomTags.VoiLutFunction)} is \"{other}\": expected LINEAR, LINEAR_EXACT or SIGMOID"),
        };

        // PS3.3 C.11.2.1.2: LINEAR needs a width of at least 1, the other two a positive one.
        if (function == VoiLutFunction.Linear ? width < 1 : width <= 0)
        {
            throw Fail($"{DicomTags.Name(DicomTags.WindowWidth)} is {width.Value.ToString(CultureInfo.InvariantCulture)}: {(function == VoiLutFunction.Linear ? "LINEAR needs at least 1" : "it must be above 0")}");
        }

        return new DicomWindow(center.Value, width.Value, function);
    }

    private Laterality? LateralityOf(uint tag) => Text(tag) switch
    {
        null => null,
        "R" => Laterality.Right,
        "L" => Laterality.Left,
        "U" => Laterality.Unpaired,
        "B" => Laterality.Both,
        var other => throw Fail($"{DicomTags.Name(tag)} is \"{other}\": expected R, L, U or B"),
    };

    private int Required(uint tag, Element pixelData) =>
        UInt16(tag) ?? throw Fail($"no {DicomTags.Name(tag)} before the pixel data at offset {pixelData.Offset}");

    private int? UInt16(uint tag)
    {
        if (!_values.TryGetValue(tag, out var value) || value.Length == 0)
        {
            return null;
        }

        if (value.Length != 2)
        {
            throw Fail($"{DicomTags.Name(tag)} is {value.Length} bytes long, a single 16-bit value is 2");
        }

        return BinaryPrimitives.ReadUInt16LittleEndian(value);
    }

    private string? Text(uint tag)
    {
        if (!_values.TryGetValue(tag, out var value))
        {
            return null;
        }

        // Only the Patient ID may hold more than ASCII; ISO_IR 192 is UTF-8, the other character sets are read as Latin-1.
        var utf8 = tag == DicomTags.PatientId && _values.TryGetValue(DicomTags.SpecificCharacterSet, out var set)
            && Encoding.ASCII.GetString(set).Contains("ISO_IR 192", StringComparison.Ordinal);
        var text = Printable((utf8 ? Encoding.UTF8 : Encoding.Latin1).GetString(value).Trim(' ', '\0'));
        return text.Length == 0 ? null : text;
    }

    private double? Decimal(uint tag)
    {
        if (Text(tag) is not { } text)
        {
            return null;
        }

        // DS may be multi-valued ("2047\1023"): the first value is the one that applies.
        var first = text.Split('\\')[0].Trim();
        if (!double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Fail($"{DicomTags.Name(tag)} is \"{text}\", not a decimal number");
        }

        return value;
    }

    private int? IntegerString(uint tag)
    {
        if (Text(tag) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Fail($"{DicomTags.Name(tag)} is \"{text}\", not an integer");
        }

        return value;
    }

    /// <summary>Keeps a value from the file to one short line in a message.</summary>
    private static string Printable(string text)
    {
        var clean = string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));
        return clean.Length <= 64 ? clean : clean[..64] + "…";
    }

    private readonly record struct Element(uint Tag, string? Vr, long Length, long Offset);
}
