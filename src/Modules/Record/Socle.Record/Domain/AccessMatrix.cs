using System.Collections.Frozen;

namespace Socle.Record.Domain;

/// <summary>
/// Which document types (LOINC) each profession (TRE_G15) may read: the table of the matrice d'habilitation. A row may
/// narrow a profession by the professional's specialty (<c>10 specialty=SM42|…</c>) or, for pharmacists, by their
/// section of the Ordre (<c>21 section=H|…</c>): the DMP's subject role carries the specialty of doctors and the section
/// of pharmacists next to the profession. Such a row replaces the profession's row for those professionals; the
/// specialty's row is looked for first, then the section's, the profession's, and <c>default</c>.
/// Loaded from Domain/Data/access-matrix.txt, or from the file named by <c>Socle:Record:AccessMatrixFile</c>.
/// </summary>
internal sealed class AccessMatrix
{
    public const string DefaultRow = "default";
    private const string Everything = "*";
    private const string SpecialtyQualifier = "specialty";
    private const string SectionQualifier = "section";

    private readonly FrozenDictionary<string, FrozenSet<string>> rows;
    private readonly FrozenDictionary<(string Profession, string Qualifier, string Code), FrozenSet<string>> qualifiedRows;

    private AccessMatrix(Dictionary<string, FrozenSet<string>> rows, Dictionary<(string, string, string), FrozenSet<string>> qualifiedRows)
    {
        this.rows = rows.ToFrozenDictionary(StringComparer.Ordinal);
        this.qualifiedRows = qualifiedRows.ToFrozenDictionary();
    }

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

    /// <summary>
    /// Reads the matrix; a line that is not <c>profession[ specialty=code| section=code]|types</c> with known type codes,
    /// or a row given twice, is a configuration error.
    /// </summary>
    public static AccessMatrix Parse(TextReader reader)
    {
        var rows = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        var qualifiedRows = new Dictionary<(string, string, string), FrozenSet<string>>();
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

            var allowed = types.ToFrozenSet(StringComparer.Ordinal);
            var (profession, narrowed) = Key(line[..bar], number);
            var added = narrowed is { } by ? qualifiedRows.TryAdd((profession, by.Qualifier, by.Code), allowed) : rows.TryAdd(profession, allowed);
            if (!added)
            {
                throw new FormatException($"Access matrix line {number}: '{line[..bar].Trim()}' has a row already.");
            }
        }

        return rows.ContainsKey(DefaultRow) ? new AccessMatrix(rows, qualifiedRows) : throw new FormatException("The access matrix has no 'default' row.");
    }

    /// <summary>The types a professional may read; null when they may read every type.</summary>
    public IReadOnlyCollection<string>? ReadableTypes(string profession, string? specialty = null, string? pharmacistSection = null)
    {
        var allowed = RowFor(profession, specialty, pharmacistSection);
        return allowed.Contains(Everything) ? null : allowed;
    }

    public bool MayRead(string profession, string documentType, string? specialty = null, string? pharmacistSection = null)
    {
        var allowed = RowFor(profession, specialty, pharmacistSection);
        return allowed.Contains(Everything) || allowed.Contains(documentType);
    }

    private FrozenSet<string> RowFor(string profession, string? specialty, string? pharmacistSection) =>
        (specialty is not null && qualifiedRows.TryGetValue((profession, SpecialtyQualifier, specialty), out var bySpecialty) ? bySpecialty : null)
        ?? (pharmacistSection is not null && qualifiedRows.TryGetValue((profession, SectionQualifier, pharmacistSection), out var bySection) ? bySection : null)
        ?? rows.GetValueOrDefault(profession)
        ?? rows[DefaultRow];

    /// <summary>A row's key: a profession (or <c>default</c>), and for a narrowed row its qualifier and code.</summary>
    private static (string Profession, (string Qualifier, string Code)? Narrowed) Key(string text, int number)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 1)
        {
            return (parts[0], null);
        }

        var equals = parts.Length == 2 ? parts[1].IndexOf('=', StringComparison.Ordinal) : -1;
        var qualifier = equals > 0 ? parts[1][..equals] : null;
        if (parts[0] == DefaultRow || qualifier is not (SpecialtyQualifier or SectionQualifier) || equals == parts[1].Length - 1)
        {
            throw new FormatException($"Access matrix line {number}: expected 'profession', 'profession specialty=code' or 'profession section=code' before '|'.");
        }

        return (parts[0], (qualifier, parts[1][(equals + 1)..]));
    }
}
