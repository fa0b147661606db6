using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>
/// The keys of one table during an import, each kept by its 64-bit hash: the current versions read before its file
/// (none on a first load), with the line of the file that first gave each of them, and the keys the file adds. One
/// map serves both the mapper (a key seen twice is a duplicate line, or a repeated person or structure) and the
/// comparison with the current versions, which stages only new and changed records: a next-day file is about 1 %
/// different. What the file never mentions is, at the end, what was removed.
/// </summary>
internal sealed class TableKeys(DirectoryTable table)
{
    /// <summary>Current versions by key hash; <see cref="CurrentVersion.FirstLine"/> is 0 until the file gives the key.</summary>
    private Dictionary<long, CurrentVersion> current = [];

    /// <summary>Keys the file gives that have no current version, with the line that first gave each.</summary>
    private Dictionary<long, int> added = [];

    public DirectoryTable Table { get; } = table;

    /// <summary>True when the table had no current version before the import: a first load.</summary>
    public bool IsFirstLoad { get; private set; } = true;

    public long Added { get; private set; }

    public long Changed { get; private set; }

    public long Unchanged { get; private set; }

    public long Removed { get; private set; }

    /// <summary>The ids of the current versions to close: changed and removed records.</summary>
    public List<long> ToClose { get; } = [];

    /// <summary>Reads the current versions of the table (key hash, id and content hash), once, before its file is read.</summary>
    public async Task LoadCurrentAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var name = DirectorySql.Table(connection is Npgsql.NpgsqlConnection, Table.Name);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;

        // Sized once: growing a dictionary of millions of entries holds the old and the new arrays at the same time.
        command.CommandText = $"SELECT COUNT(*) FROM {name} WHERE \"ValidTo\" IS NULL";
        var count = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (count == 0)
        {
            return;
        }

        command.CommandText = $"SELECT \"Id\", \"Key\", \"Hash\" FROM {name} WHERE \"ValidTo\" IS NULL";
        var byKey = new Dictionary<long, CurrentVersion>(count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                byKey[ContentHash.OfKey(reader.GetString(1))] = new CurrentVersion(reader.GetInt64(0), reader.GetInt64(2));
            }
        }

        current = byKey;
        IsFirstLoad = false;
    }

    /// <summary>
    /// Remembers that <paramref name="line"/> gives the key: returns 0 the first time, otherwise the line that gave it
    /// first.
    /// </summary>
    public int FirstLineOf(long keyHash, long line)
    {
        // Line 1 is the header: 0 is free to mean "not given yet".
        var number = (int)Math.Min(line, int.MaxValue);
        ref var version = ref CollectionsMarshal.GetValueRefOrNullRef(current, keyHash);
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
    /// Whether an accepted record must be written: true when it is new or changed (the changed version will be
    /// closed), false when its current version holds the same content.
    /// </summary>
    public bool NeedsWriting(StagedRecord record)
    {
        if (current.TryGetValue(record.KeyHash, out var version))
        {
            if (version.Hash == record.Hash)
            {
                Unchanged++;
                return false;
            }

            ToClose.Add(version.Id);
            Changed++;
            return true;
        }

        Added++;
        return true;
    }

    /// <summary>What the file did to the table, for the import's report.</summary>
    public EntityChanges Changes() => new(Table.Entity, Added, Changed, Removed, Unchanged);

    /// <summary>After the file: every current version it did not give is removed; the maps are let go.</summary>
    public void Finish()
    {
        foreach (var version in current.Values)
        {
            if (version.FirstLine == 0)
            {
                ToClose.Add(version.Id);
                Removed++;
            }
        }

        current = [];
        added = [];
    }

    private record struct CurrentVersion(long Id, long Hash)
    {
        public int FirstLine { get; set; }
    }
}
