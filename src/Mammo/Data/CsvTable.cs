using System.Text;

namespace Mammo.Data;

/// <summary>
/// A CSV file as a header and rows of fields (RFC 4180: commas, double-quoted fields with "" for a quote, CRLF or
/// LF), each row with its 1-based line, so that every message can name file:line. Header names are matched
/// case-insensitively and with spaces and underscores alike ("patient_id" is "patient id").
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string file, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        File = file;
        Header = header;
        Rows = rows;
        _columns = [];
        for (var i = 0; i < header.Count; i++)
        {
            _columns.TryAdd(Key(header[i]), i);
        }
    }

    public string File { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>The column's index, or null where the header lacks it.</summary>
    public int? Column(params string[] names) => names.Select(n => _columns.TryGetValue(Key(n), out var i) ? i : (int?)null).FirstOrDefault(i => i is not null);

    /// <exception cref="MammoDataException">An empty file, or a quote left open.</exception>
    public static CsvTable Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                AddRow(rows, fields, rowLine);
                fields = [];
                line++;
                rowLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new MammoDataException($"{file}:{rowLine}: a quoted field is never closed");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            AddRow(rows, fields, rowLine);
        }

        if (rows.Count == 0)
        {
            throw new MammoDataException($"{file}: empty (expected a header row)");
        }

        return new CsvTable(file, [.. rows[0].Fields.Select(f => f.Trim())], rows[1..]);
    }

    private static void AddRow(List<CsvRow> rows, List<string> fields, int line)
    {
        // Blank lines (a trailing newline, spacing) are no rows.
        if (fields.Count > 1 || fields[0].Trim().Length > 0)
        {
            rows.Add(new CsvRow(line, [.. fields]));
        }
    }

    private static string Key(string name) => name.Trim().Replace('_', ' ').ToUpperInvariant();
}
