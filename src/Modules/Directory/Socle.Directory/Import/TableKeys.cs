using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>
/// The keys of one table during an import, each kept by its 64-bit hash: the current versions before its file (none on
/// a first load), with the line of the file that first gave each of them, and the keys the file adds. One map serves
/// both the mapper (a key seen twice is a duplicate line, or a repeated person or structure) and the comparison with
/// the current versions, which writes only new and changed records: a next-day file is about 1 % different. What the
/// file never mentions is, at the end, what was removed. The current versions come from the previous import's
/// <see cref="ImportState"/>, which also gives the line table's <see cref="KnownLines"/>, or else from the table itself.
/// New versions get their ids here, so that the state the import leaves names every current version.
/// </summary>
/// <param name="table">The table.</param>
/// <param name="lineParentFields">
/// For the file's line table (one record per line), its fields that hold the keys of the line's records in the
/// file's other tables, in the order of those tables; null for the other tables.
/// </param>
internal sealed class TableKeys(DirectoryTable table, IReadOnlyList<string>? lineParentFields = null) : IDisposable
{
    private readonly int[] parentFields = [.. (lineParentFields ?? []).Select(f => table.Fields.ToList().IndexOf(f))];

    /// <summary>Current versions by key hash; <see cref="CurrentVersion.FirstLine"/> is 0 until the file gives the key.</summary>
    private SplitMap<CurrentVersion> current = new();

    /// <summary>While the state is read: the lines of the line table's versions, for <see cref="Known"/>.</summary>
    private SplitMap<long>? lines;

    /// <summary>Keys the file gives that have no current version, with the line that first gave each.</summary>
    private Dictionary<long, int> added = [];

    /// <summary>The versions the file writes, kept on disk until the import's state is written.</summary>
    private WrittenVersions written = new();

    /// <summary>Kept versions that a file now gives from another line: their new line goes into the state.</summary>
    private List<long> relined = [];

    /// <summary>Versions the file removed.</summary>
    private List<long> removed = [];

    private long nextId = 1;

    public DirectoryTable Table { get; } = table;

    /// <summary>Whether this is a file's line table, whose versions tell which lines the previous import had.</summary>
    public bool IsLineTable => lineParentFields is not null;

    /// <summary>How many other records a line of the file gives besides its line table's (a person, a structure): 0 to 2.</summary>
    public int ParentCount => parentFields.Length;

    /// <summary>True when the table had no current version before the import: a first load.</summary>
    public bool IsFirstLoad { get; private set; } = true;

    /// <summary>The lines that gave the current versions of the line table, when the previous import's state says so.</summary>
    public KnownLines Known { get; private set; } = KnownLines.None;

    /// <summary>The state the current versions came from, if they did.</summary>
    public ImportState.Loaded? LoadedState { get; private set; }

    /// <summary>After the file: how many current versions the table has.</summary>
    public long CurrentCount { get; private set; }

    /// <summary>After the file: how many entries it adds to the state it read (see <see cref="ChangesAfterFile"/>).</summary>
    public long ChangeCount => relined.Count + removed.Count + written.Count;

    /// <summary>The highest row id of the table once the file's versions are written.</summary>
    public long MaxId => nextId - 1;

    public long Added { get; private set; }

    public long Changed { get; private set; }

    public long Unchanged { get; private set; }

    public long Removed { get; private set; }

    /// <summary>The ids of the current versions to close: changed and removed records.</summary>
    public List<long> ToClose { get; } = [];

    /// <summary>Reads the highest row id, before the current versions: new versions are numbered after it.</summary>
    public async Task<long> ReadMaxIdAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = ImportSql.Command(connection, transaction, $"SELECT COALESCE(MAX(\"Id\"), 0) FROM {TableName(connection)}");
        nextId = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) + 1;
        return MaxId;
    }

    /// <summary>
    /// Reads the current versions from the table itself, when there is no state to take them from. The lines that gave
    /// them are not known then, so every line of the file is mapped.
    /// </summary>
    public async Task LoadCurrentAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var name = TableName(connection);
        await using var command = ImportSql.Command(connection, transaction, $"SELECT COUNT(*) FROM {name} WHERE \"ValidTo\" IS NULL");
        var count = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (count == 0)
        {
            return;
        }

        // Sized once: growing a dictionary of millions of entries holds the old and the new arrays at the same time.
        var byKey = new SplitMap<CurrentVersion>(count);
        command.CommandText = $"SELECT \"Id\", \"Key\", \"Hash\"{string.Concat((lineParentFields ?? []).Select(f => $", \"{f}\""))} FROM {name} WHERE \"ValidTo\" IS NULL";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                byKey.Set(ContentHash.OfKey(reader.GetString(1)), new CurrentVersion(
                    reader.GetInt64(0), reader.GetInt64(2), 0, ParentKey(reader, 3), ParentKey(reader, 4)));
            }
        }

        current = byKey;
        IsFirstLoad = false;
    }

    /// <summary>Starts taking the current versions from the previous import's state (<see cref="ImportState"/>), of <paramref name="count"/> entries.</summary>
    public void BeginState(int count)
    {
        current = new SplitMap<CurrentVersion>(count);
        lines = IsLineTable ? new SplitMap<long>(count) : null;
    }

    /// <summary>
    /// Applies entries of the state in their order, <paramref name="entrySize"/> bytes each: two threads, one per half
    /// of the maps.
    /// </summary>
    public void AddState(byte[] entries, int length, int entrySize) =>
        Parallel.For(0, 2, half => AddState(entries.AsSpan(0, length), entrySize, half));

    public void EndState(ImportState.Loaded loaded)
    {
        Known = lines is null ? KnownLines.None : new KnownLines(lines);
        lines = null;
        LoadedState = loaded;
        IsFirstLoad = current.Count == 0;
    }

    /// <summary>The current version of a key, to read or mark in place; a null reference when it has none.</summary>
    public ref CurrentVersion Find(long keyHash) => ref current.Find(keyHash);

    /// <summary>Brings the current version of a key into the processor's cache, ahead of <see cref="Find"/>.</summary>
    public void Prefetch(long keyHash) => current.Prefetch(keyHash);

    /// <summary>A record of a known line, given again as it was (see <see cref="ExtractMapper.TrySkip"/>).</summary>
    public void CountUnchanged() => Unchanged++;

    /// <summary>
    /// Remembers that <paramref name="line"/> gives the key: returns 0 the first time, otherwise the line that gave it
    /// first.
    /// </summary>
    public int FirstLineOf(long keyHash, long line)
    {
        var number = LineNumber(line);
        ref var version = ref current.Find(keyHash);
        if (!Unsafe.IsNullRef(ref version))
        {
            if (version.FirstLine != 0)
            {
                return version.FirstLine;
            }

            version.FirstLine = number;
            return 0;
        }

        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(added, keyHash, out var exists);
        if (exists)
        {
            return first;
        }

        first = number;
        return 0;
    }

    /// <summary>
    /// Compares an accepted record with its current version. Returns 0 when the version holds the same content (it
    /// stays, now given by the record's line), or else the id of the new version to write: the record is new, or
    /// changed and its current version will be closed.
    /// </summary>
    public long Accept(StagedRecord record)
    {
        ref var version = ref current.Find(record.KeyHash);
        if (!Unsafe.IsNullRef(ref version))
        {
            if (version.Hash == record.Hash)
            {
                if (version.Line != record.Line && LoadedState is not null)
                {
                    relined.Add(record.KeyHash);
                }

                version.Line = record.Line;
                Unchanged++;
                return 0;
            }

            ToClose.Add(version.Id);
            version.Replaced = true;
            Changed++;
        }
        else
        {
            Added++;
        }

        var id = nextId++;
        written.Add(new ImportState.Entry(record.KeyHash, id, record.Hash, record.Line, ParentKey(record, 0), ParentKey(record, 1)));
        return id;
    }

    /// <summary>After the file: every current version it did not give is removed.</summary>
    public void Finish()
    {
        foreach (var (keyHash, version) in current.All())
        {
            if (version.FirstLine == 0)
            {
                ToClose.Add(version.Id);
                removed.Add(keyHash);
                Removed++;
            }
        }

        CurrentCount = Unchanged + Added + Changed;
    }

    /// <summary>The current versions once the file is applied: those it kept, with the lines that gave them now, and those it wrote.</summary>
    public IEnumerable<ImportState.Entry> CurrentAfterFile()
    {
        foreach (var (keyHash, version) in current.All())
        {
            if (version.FirstLine != 0 && !version.Replaced)
            {
                yield return new ImportState.Entry(keyHash, version.Id, version.Hash, version.Line, version.Parent0, version.Parent1);
            }
        }

        foreach (var entry in written.ReadAll())
        {
            yield return entry;
        }
    }

    /// <summary>What the file changed in the state it read: the versions it wrote, the kept ones it gives from other lines, and the removed ones.</summary>
    public IEnumerable<ImportState.Entry> ChangesAfterFile()
    {
        foreach (var keyHash in relined)
        {
            var version = current.Find(keyHash);
            yield return new ImportState.Entry(keyHash, version.Id, version.Hash, version.Line, version.Parent0, version.Parent1);
        }

        foreach (var keyHash in removed)
        {
            yield return new ImportState.Entry(keyHash, 0, 0, 0, 0, 0);
        }

        foreach (var entry in written.ReadAll())
        {
            yield return entry;
        }
    }

    /// <summary>What the file did to the table, for the import's report.</summary>
    public EntityChanges Changes() => new(Table.Entity, Added, Changed, Removed, Unchanged);

    /// <summary>A line number as <see cref="CurrentVersion.FirstLine"/> keeps it.</summary>
    // Line 1 is the header: 0 is free to mean "not given yet".
    public static int LineNumber(long line) => (int)Math.Min(line, int.MaxValue);

    /// <summary>Lets go of the maps and of the written versions once the state is written.</summary>
    public void Dispose()
    {
        current = new();
        lines = null;
        added = [];
        relined = [];
        removed = [];
        Known = KnownLines.None;
        written.Dispose();
        written = new WrittenVersions();
    }

    /// <summary>Applies the entries of one half: the current versions whose key hash, and the lines whose hash, fall in it.</summary>
    private void AddState(ReadOnlySpan<byte> entries, int entrySize, int half)
    {
        for (var offset = 0; offset < entries.Length; offset += entrySize)
        {
            AddState(ImportState.Read(entries.Slice(offset, entrySize)), half);
        }
    }

    private void AddState(in ImportState.Entry entry, int half)
    {
        if (SplitMap<CurrentVersion>.HalfOf(entry.KeyHash) == half)
        {
            if (entry.Id == 0)
            {
                current.Remove(half, entry.KeyHash);
            }
            else
            {
                current.Set(half, entry.KeyHash, new CurrentVersion(entry.Id, entry.Hash, entry.Line, entry.Parent0, entry.Parent1));
            }
        }

        // A line given by a version read from the tables is not known (0); a removed key has no line.
        if (lines is not null && entry.Line != 0 && SplitMap<long>.HalfOf(entry.Line) == half)
        {
            lines.Set(half, entry.Line, entry.KeyHash);
        }
    }

    private string TableName(DbConnection connection) => DirectorySql.Table(connection is Npgsql.NpgsqlConnection, Table.Name);

    private long ParentKey(DbDataReader reader, int ordinal) =>
        ordinal - 3 < parentFields.Length && !reader.IsDBNull(ordinal) ? ContentHash.OfKey(reader.GetString(ordinal)) : 0;

    private long ParentKey(StagedRecord record, int parent) =>
        parent < parentFields.Length && record.Values[parentFields[parent]] is { } key ? ContentHash.OfKey(key) : 0;

    /// <summary>
    /// A current version: its row id, content hash, the hash of the line that gave it (0: not known) and, in a line
    /// table, the key hashes of the line's other records (0: none).
    /// </summary>
    internal record struct CurrentVersion(long Id, long Hash, long Line, long Parent0, long Parent1)
    {
        /// <summary>The line of the file that first gave the key; 0 until one does.</summary>
        public int FirstLine { get; set; }

        /// <summary>The file changed the record: a new version replaces this one.</summary>
        public bool Replaced { get; set; }
    }
}
