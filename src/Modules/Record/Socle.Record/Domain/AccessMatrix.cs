using System.Collections.Frozen;

namespace Socle.Record.Domain;

/// <summary>
/// Which document types (LOINC) each profession (TRE_G15) may read: the table of the matrice d'habilitation.
/// Loaded from Domain/Data/access-matrix.txt, or from the file named by <c>Socle:Record:AccessMatrixFile</c>.
/// </summary>
internal sealed class AccessMatrix
{
    public const string DefaultRow = "default";
    private const string Everything = "*";

    private readonly FrozenDictionary<string, FrozenSet<string>> rows;

    private AccessMatrix(Dictionary<string, FrozenSet<string>> rows) => this.rows = rows.ToFrozenDictionary(StringComparer.Ordinal);

    public static AccessMatrix Default()
    {
        using var stream = typeof(AccessMatrix).Assembly.GetManifestResourceStream("Socle.Record.Domain.Data.access-matrix.txt")
            ?? throw new InvalidOperationException("The default access matrix is not embedded.");
        return Parse(new StreamReader(stream));
    }

    public static AccessMatrix FromFile(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    /// <summary>Reads the matrix; a line that is not <c>profession|types</c> with known type codes is a configuration error.</summary>
    public static AccessMatrix Parse(TextReader reader)
    {
        var rows = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0 || line.TrimStart()[0] == '#')
            {
                continue;
            }

            var bar = line.IndexOf('|', StringComparison.Ordinal);
            if (bar <= 0)
            {
                throw new FormatException($"Access matrix line {number}: expected 'profession|types'.");
            }

            var types = line[(bar + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = types.FirstOrDefault(t => t != Everything && !ValueSets.Types.ContainsKey(t));
            if (unknown is not null)
            {
                throw new FormatException($"Access matrix line {number}: unknown document type '{unknown}'.");
            }

            rows[line[..bar].Trim()] = types.ToFrozenSet(StringComparer.Ordinal);
        }

        return rows.ContainsKey(DefaultRow) ? new AccessMatrix(rows) : throw new FormatException("The access matrix has no 'default' row.");
    }

    /// <summary>The types a profession may read; null when it may read every type.</summary>
    public IReadOnlyCollection<string>? ReadableTypes(string profession)
    {
        var allowed = rows.GetValueOrDefault(profession) ?? rows[DefaultRow];
        return allowed.Contains(Everything) ? null : allowed;
    }

    public bool MayRead(string profession, string documentType)
    {
        var allowed = rows.GetValueOrDefault(profession) ?? rows[DefaultRow];
        return allowed.Contains(Everything) || allowed.Contains(documentType);
    }
}
