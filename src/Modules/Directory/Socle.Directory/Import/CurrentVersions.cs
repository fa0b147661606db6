using System.Data.Common;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>
/// The current versions of one table as (key hash → id, content hash), read once before its extract is read, so that
/// the import compares in memory and stages only new and changed records: a next-day file is about 1 % different.
/// What the file never mentions is, at the end, what was removed.
/// </summary>
internal sealed class CurrentVersions
{
    private readonly Dictionary<long, (long Id, long Hash)> byKey;

    private CurrentVersions(Dictionary<long, (long Id, long Hash)> byKey) => this.byKey = byKey;

    public long Added { get; private set; }

    public long Changed { get; private set; }

    public long Unchanged { get; private set; }

    public long Removed { get; private set; }

    /// <summary>The ids of the current versions to close: changed and removed records.</summary>
    public List<long> ToClose { get; } = [];

    /// <summary>The current versions of <paramref name="table"/>, or null when it has none (a first load).</summary>
    public static async Task<CurrentVersions?> LoadAsync(DbConnection connection, DbTransaction transaction, DirectoryTable table, CancellationToken cancellationToken)
    {
        var name = DirectorySql.Table(connection is Npgsql.NpgsqlConnection, table.Name);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;

        // Sized once: growing a dictionary of millions of entries holds the old and the new arrays at the same time.
        command.CommandText = $"SELECT COUNT(*) FROM {name} WHERE \"ValidTo\" IS NULL";
        var count = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (count == 0)
        {
            return null;
        }

        command.CommandText = $"SELECT \"Id\", \"Key\", \"Hash\" FROM {name} WHERE \"ValidTo\" IS NULL";
        var byKey = new Dictionary<long, (long Id, long Hash)>(count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                byKey[ContentHash.OfKey(reader.GetString(1))] = (reader.GetInt64(0), reader.GetInt64(2));
            }
        }

        return new CurrentVersions(byKey);
    }

    /// <summary>Whether the record must be staged: true when it is new or changed (the changed version will be closed).</summary>
    public bool NeedsStaging(StagedRecord record)
    {
        if (byKey.Remove(record.KeyHash, out var current))
        {
            if (current.Hash == record.Hash)
            {
                Unchanged++;
                return false;
            }

            ToClose.Add(current.Id);
            Changed++;
            return true;
        }

        Added++;
        return true;
    }

    /// <summary>After the file: every current version it did not mention is removed.</summary>
    public void Finish()
    {
        Removed = byKey.Count;
        ToClose.AddRange(byKey.Values.Select(v => v.Id));
        byKey.Clear();
        byKey.TrimExcess();
    }
}
