using Socle.Directory.Extracts;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>
/// Turns the fields of one extract line into directory records, or says why the line is rejected. One mapper
/// lives for one import: it remembers the keys it has seen, to drop repeated persons and structures and to reject
/// duplicate lines.
/// </summary>
internal abstract class ExtractMapper
{
    private readonly Dictionary<long, int> linesByKey = [];

    /// <summary>
    /// The tables this extract is the full source of: their records missing from the file are removed. The last one
    /// gets one record per accepted line.
    /// </summary>
    public abstract IReadOnlyList<DirectoryTable> Tables { get; }

    public static ExtractMapper For(ExtractKind kind) =>
        kind == ExtractKind.PersonActivity ? new PersonActivityMapper()
        : kind == ExtractKind.SavoirFaire ? new SavoirFaireMapper()
        : kind == ExtractKind.Diplomas ? new DiplomaMapper()
        : new MailboxMapper();

    /// <summary>Adds the line's records to <paramref name="output"/> and returns null, or returns the rejection reason.</summary>
    public abstract string? Map(string[] fields, long line, List<StagedRecord> output);

    protected static string? Value(string field) => field.Length == 0 ? null : field;

    /// <summary>True the first time a key is seen (kept by its 64-bit hash, like <see cref="Duplicate"/>).</summary>
    protected static bool FirstTime(HashSet<long> seen, long keyHash) => seen.Add(keyHash);

    /// <summary>Null the first time a record key is seen; otherwise the reason naming the first line.</summary>
    protected string? Duplicate(long keyHash, long line)
    {
        // Keys are remembered by 64-bit hash: a few million strings would cost hundreds of megabytes.
        if (linesByKey.TryGetValue(keyHash, out var first))
        {
            return $"duplicate of line {first}";
        }

        linesByKey[keyHash] = (int)Math.Min(line, int.MaxValue);
        return null;
    }
}
