using System.Text;

namespace Mammo.Imaging;

/// <summary>
/// The header of a binary PGM (<c>P5</c>): enough to validate a file (size, sample depth, completeness)
/// without decoding it. Decoding itself is ImageSharp's.
/// </summary>
public sealed record PgmHeader(int Width, int Height, int MaxValue, int DataOffset)
{
    public int BytesPerSample => MaxValue > 255 ? 2 : 1;

    /// <summary>Bytes the whole file must hold for its pixels to be complete.</summary>
    public long ExpectedLength => DataOffset + ((long)Width * Height * BytesPerSample);

    /// <summary>Parses the header at the start of <paramref name="head"/>; the error says what is wrong.</summary>
    public static bool TryParse(ReadOnlySpan<byte> head, out PgmHeader? header, out string? error)
    {
        header = null;
        if (head.Length < 2 || head[0] != (byte)'P' || head[1] != (byte)'5')
        {
            var magic = Encoding.ASCII.GetString(head[..Math.Min(2, head.Length)]);
            error = $"not a binary PGM: starts with '{Escape(magic)}', expected 'P5'";
            return false;
        }

        var position = 2;
        var values = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (!SkipSpaceAndComments(head, ref position) || !ReadNumber(head, ref position, out values[i]))
            {
                error = "PGM header is truncated or malformed";
                return false;
            }
        }

        // Exactly one whitespace byte separates the header from the pixels.
        if (position >= head.Length || !IsSpace(head[position]))
        {
            error = "PGM header is truncated or malformed";
            return false;
        }

        if (values[0] <= 0 || values[1] <= 0 || values[2] is <= 0 or > 65535)
        {
            error = $"PGM header has width {values[0]}, height {values[1]}, maxval {values[2]}";
            return false;
        }

        header = new PgmHeader(values[0], values[1], values[2], position + 1);
        error = null;
        return true;
    }

    private static bool SkipSpaceAndComments(ReadOnlySpan<byte> s, ref int p)
    {
        while (p < s.Length)
        {
            if (s[p] == (byte)'#')
            {
                while (p < s.Length && s[p] != (byte)'\n')
                {
                    p++;
                }
            }
            else if (IsSpace(s[p]))
            {
                p++;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadNumber(ReadOnlySpan<byte> s, ref int p, out int value)
    {
        value = 0;
        var start = p;
        while (p < s.Length && s[p] is >= (byte)'0' and <= (byte)'9' && p - start < 9)
        {
            value = (value * 10) + (s[p] - '0');
            p++;
        }

        return p > start && p < s.Length;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\v' or (byte)'\f';

    private static string Escape(string s) => new(s.Select(c => char.IsControl(c) || c > 126 ? '?' : c).ToArray());
}
