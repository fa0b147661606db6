namespace Socle.Directory.Extracts;

/// <summary>
/// Splits one pipe-separated line into its fields. The national files do not quote, but a field may come
/// quoted by a spreadsheet round trip: a quoted field is unquoted, and a field that opens a quote and does not close it is an error.
/// </summary>
internal static class ExtractFields
{
    public static string[]? Split(string line, int expected, out string? error)
    {
        string[] fields;
        if (line.Contains('"', StringComparison.Ordinal))
        {
            fields = SplitQuoted(line, out error)!;
            if (error is not null)
            {
                return null;
            }
        }
        else
        {
            fields = line.Split('|');
        }

        // Some extracts end every line with the separator: one more, empty, field.
        if (fields.Length == expected + 1 && fields[^1].Length == 0)
        {
            Array.Resize(ref fields, expected);
        }

        if (fields.Length != expected)
        {
            error = $"expected {expected} columns, found {fields.Length}";
            return null;
        }

        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = fields[i].Trim();
        }

        error = null;
        return fields;
    }

    private static string[]? SplitQuoted(string line, out string? error)
    {
        var fields = new List<string>();
        var builder = new System.Text.StringBuilder();
        var i = 0;
        while (true)
        {
            builder.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                var closed = false;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            builder.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    builder.Append(line[i++]);
                }

                if (!closed || (i < line.Length && line[i] != '|'))
                {
                    error = $"broken quote in column {fields.Count + 1}";
                    return null;
                }
            }
            else
            {
                var next = line.IndexOf('|', i);
                // A quote inside an unquoted field is data (CLINIQUE "LES LILAS").
                builder.Append(next < 0 ? line[i..] : line[i..next]);
                i = next < 0 ? line.Length : next;
            }

            fields.Add(builder.ToString());
            if (i >= line.Length)
            {
                break;
            }

            i++; // the separator
            if (i == line.Length)
            {
                fields.Add(string.Empty);
                break;
            }
        }

        error = null;
        return fields.ToArray();
    }
}
