using Socle.Directory.Extracts;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>
/// Turns the fields of one extract line into directory records, or says why the line is rejected. One mapper
/// lives for one file of one import: through the <see cref="TableKeys"/> of its tables it remembers the keys it has
/// seen, to drop repeated persons and structures and to reject duplicate lines.
/// </summary>
internal abstract class ExtractMapper
{
    /// <summary>
    /// The tables this extract is the full source of (their records missing from the file are removed), with their
    /// keys. The last one gets one record per accepted line.
    /// </summary>
    public abstract IReadOnlyList<TableKeys> Keys { get; }

    public IReadOnlyList<DirectoryTable> Tables => [.. Keys.Select(k => k.Table)];

    public static ExtractMapper For(ExtractKind kind) =>
        kind == ExtractKind.PersonActivity ? new PersonActivityMapper()
        : kind == ExtractKind.SavoirFaire ? new SavoirFaireMapper()
        : kind == ExtractKind.Diplomas ? new DiplomaMapper()
        : new MailboxMapper();

    /// <summary>Adds the line's records to <paramref name="output"/> and returns null, or returns the rejection reason.</summary>
    public abstract string? Map(string[] fields, long line, List<StagedRecord> output);

    protected static string? Value(string field) => field.Length == 0 ? null : field;

    /// <summary>True the first time the file gives the key.</summary>
    protected static bool FirstTime(TableKeys keys, long keyHash, long line) => keys.FirstLineOf(keyHash, line) == 0;

    /// <summary>Null the first time the file gives a record key; otherwise the reason naming the first line.</summary>
    protected static string? Duplicate(TableKeys keys, long keyHash, long line) =>
        keys.FirstLineOf(keyHash, line) is var first and not 0 ? $"duplicate of line {first}" : null;
}
