using System.Runtime.CompilerServices;
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

    /// <summary>
    /// For a line the previous import had byte for byte (<see cref="KnownLines"/>): marks the keys of its records as
    /// given and counts the records unchanged, without splitting or mapping the line, and returns true (with the reason
    /// if it repeats an earlier line of the file). Returns false when the line must be mapped after all: it now gives
    /// first a record of another table (a person, a structure) whose current version came from another line, whose
    /// content may differ from this one's; or the current version of its key came from another line (the known lines
    /// also name the lines of versions since replaced).
    /// </summary>
    public bool TrySkip(long knownKey, long lineHash, long line, out string? rejection)
    {
        rejection = null;
        var lineKeys = Keys[^1];
        ref var own = ref lineKeys.Find(knownKey);
        if (Unsafe.IsNullRef(ref own) || own.Line != lineHash)
        {
            return false;
        }

        if (own.FirstLine != 0)
        {
            rejection = $"duplicate of line {own.FirstLine}";
            return true;
        }

        ref var first = ref FindParent(0, own.Parent0);
        ref var second = ref FindParent(1, own.Parent1);
        if (!SameSource(own.Parent0, ref first, lineHash) || !SameSource(own.Parent1, ref second, lineHash))
        {
            return false;
        }

        var number = TableKeys.LineNumber(line);
        own.FirstLine = number;
        lineKeys.CountUnchanged();
        Give(0, ref first, number);
        Give(1, ref second, number);
        return true;
    }

    /// <summary>
    /// Before line <paramref name="n"/> of a batch: prefetches the versions of the known lines a few lines ahead, and
    /// the versions of their persons and structures once theirs is in the cache, so that <see cref="TrySkip"/> does not
    /// wait for memory three times per line.
    /// </summary>
    public void PrefetchAhead(SplitLine[] lines, int n)
    {
        const int Ahead = 8;
        var lineKeys = Keys[^1];
        if (n + Ahead < lines.Length && lines[n + Ahead].Unsplit is not null)
        {
            lineKeys.Prefetch(lines[n + Ahead].KnownKey);
        }

        if (lineKeys.ParentCount > 0 && n + (Ahead / 2) < lines.Length && lines[n + (Ahead / 2)].Unsplit is not null)
        {
            ref var own = ref lineKeys.Find(lines[n + (Ahead / 2)].KnownKey);
            if (!Unsafe.IsNullRef(ref own))
            {
                Prefetch(0, own.Parent0);
                Prefetch(1, own.Parent1);
            }
        }
    }

    private void Prefetch(int table, long keyHash)
    {
        if (keyHash != 0)
        {
            Keys[table].Prefetch(keyHash);
        }
    }

    private ref TableKeys.CurrentVersion FindParent(int table, long keyHash) =>
        ref keyHash == 0 ? ref Unsafe.NullRef<TableKeys.CurrentVersion>() : ref Keys[table].Find(keyHash);

    /// <summary>Whether the line gives the same record as the current version: it is not the first to give it, or the version came from it.</summary>
    private static bool SameSource(long keyHash, ref TableKeys.CurrentVersion version, long lineHash) =>
        keyHash == 0 || (!Unsafe.IsNullRef(ref version) && (version.FirstLine != 0 || version.Line == lineHash));

    private void Give(int table, ref TableKeys.CurrentVersion version, int line)
    {
        if (!Unsafe.IsNullRef(ref version) && version.FirstLine == 0)
        {
            version.FirstLine = line;
            Keys[table].CountUnchanged();
        }
    }

    protected static string? Value(string field) => field.Length == 0 ? null : field;

    /// <summary>True the first time the file gives the key.</summary>
    protected static bool FirstTime(TableKeys keys, long keyHash, long line) => keys.FirstLineOf(keyHash, line) == 0;

    /// <summary>Null the first time the file gives a record key; otherwise the reason naming the first line.</summary>
    protected static string? Duplicate(TableKeys keys, long keyHash, long line) =>
        keys.FirstLineOf(keyHash, line) is var first and not 0 ? $"duplicate of line {first}" : null;
}
