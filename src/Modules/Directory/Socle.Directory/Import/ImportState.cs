using System.Buffers.Binary;
using System.Data;
using System.Data.Common;
using System.Globalization;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>
/// What an import leaves for the next one: for each table, every current version with its key hash, row id, content
/// hash, the <see cref="LineHash"/> of the line that gave it and, in a line table, the key hashes of the line's other
/// records. Reading it back is a sequential read of a few large chunks instead of a scan of every table, and it is what
/// tells the next import which lines it already has (<see cref="KnownLines"/>, decision 0021). It is written in the
/// import's transaction, so it always describes the published snapshot. It is used only when the latest published
/// import that changed the table wrote it, with the same <see cref="LineHash.MappingVersion"/>, and the table's highest
/// row id is still the one it recorded; otherwise the import reads the current versions from the table and maps every
/// line. On PostgreSQL the table is unlogged: after a crash, or on a replica, it is empty and gets rebuilt that way.
/// An import that read the state appends only what it changed (new, changed and removed versions, and versions now
/// given by another line) as chunks after the others; once those would outweigh a quarter of the state, it writes the
/// whole state again instead.
/// </summary>
internal static class ImportState
{
    /// <summary>Entries per chunk: 4 MiB chunks for most tables, 6 MiB for the table of persons and activities.</summary>
    private const int ChunkEntries = 1 << 17;

    /// <summary>One current version, as the state keeps it; in an appended chunk, an id of 0 says the key has none any more.</summary>
    internal readonly record struct Entry(long KeyHash, long Id, long Hash, long Line, long Parent0, long Parent1);

    /// <summary>The state a table's current versions came from: its size in bytes and the number of its next chunk.</summary>
    internal readonly record struct Loaded(long Bytes, int NextChunk);

    /// <summary>
    /// Loads the current versions of all <paramref name="tables"/> from the state, if it is valid for every one of them
    /// (see the class); returns false, having loaded nothing, otherwise. Their highest row ids must have been read.
    /// </summary>
    public static async Task<bool> TryLoadAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<TableKeys> tables, IReadOnlyDictionary<int, long> latestImports, CancellationToken cancellationToken)
    {
        var name = DirectorySql.Table(connection is Npgsql.NpgsqlConnection, DirectorySql.StateTable);
        var counts = new List<int>();
        var loaded = new List<Loaded>();
        foreach (var keys in tables)
        {
            // Appended chunks are later imports': the state is the latest import's if its newest chunk is, and ids only
            // grow, so the highest id it recorded is that import's.
            await using var summary = ImportSql.Command(connection, transaction,
                $"SELECT COUNT(*), COALESCE(SUM(length(\"Data\")), 0), MAX(\"ImportId\"), MIN(\"MappingVersion\"), MAX(\"MappingVersion\"), " +
                $"MAX(\"MaxId\"), MAX(\"Chunk\") FROM {name} WHERE \"Entity\" = {keys.Table.Code}");
            await using var reader = await summary.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var size = EntrySize(keys);
            var bytes = reader.GetInt64(1);
            if (reader.GetInt64(0) == 0 || bytes % size != 0
                || !latestImports.TryGetValue(keys.Table.Code, out var latest) || Long(reader, 2) != latest
                || Long(reader, 3) != LineHash.MappingVersion || Long(reader, 4) != LineHash.MappingVersion || Long(reader, 5) != keys.MaxId)
            {
                return false;
            }

            counts.Add(checked((int)(bytes / size)));
            loaded.Add(new Loaded(bytes, (int)Long(reader, 6) + 1));
        }

        for (var t = 0; t < tables.Count; t++)
        {
            var keys = tables[t];
            var size = EntrySize(keys);
            keys.BeginState(counts[t]);

            // Each chunk streamed into one buffer: a new array per chunk would leave hundreds of megabytes of garbage.
            var chunk = new byte[ChunkEntries * size];
            await using var read = ImportSql.Command(connection, transaction, $"SELECT \"Data\" FROM {name} WHERE \"Entity\" = {keys.Table.Code} ORDER BY \"Chunk\"");
            await using var reader = await read.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var length = 0;
                await using (var data = reader.GetStream(0))
                {
                    int count;
                    while (length < chunk.Length && (count = await data.ReadAsync(chunk.AsMemory(length), cancellationToken)) > 0)
                    {
                        length += count;
                    }
                }

                keys.AddState(chunk, length, size);
            }

            keys.EndState(loaded[t]);
        }

        return true;
    }

    /// <summary>
    /// Records the table's current versions once the file is applied: appends what the file changed to the state it
    /// read, or writes the whole state again.
    /// </summary>
    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, TableKeys keys, long importId, CancellationToken cancellationToken)
    {
        var name = DirectorySql.Table(connection is Npgsql.NpgsqlConnection, DirectorySql.StateTable);
        var size = EntrySize(keys);
        var append = keys.LoadedState is { } state && state.Bytes + (keys.ChangeCount * size) <= keys.CurrentCount * size * 5 / 4;
        if (!append)
        {
            await ImportSql.ExecuteAsync(connection, transaction, $"DELETE FROM {name} WHERE \"Entity\" = {keys.Table.Code}", cancellationToken);
        }

        await using var insert = ImportSql.Command(connection, transaction, FormattableString.Invariant(
            $"INSERT INTO {name} (\"Entity\", \"Chunk\", \"ImportId\", \"MappingVersion\", \"MaxId\", \"Data\") VALUES ({keys.Table.Code}, @chunk, {importId}, {LineHash.MappingVersion}, {keys.MaxId}, @data)"));
        var chunkNumber = insert.CreateParameter();
        chunkNumber.ParameterName = "@chunk";
        var data = insert.CreateParameter();
        data.ParameterName = "@data";
        insert.Parameters.Add(chunkNumber);
        insert.Parameters.Add(data);

        var buffer = new byte[ChunkEntries * size];
        var used = 0;
        var firstChunk = append ? keys.LoadedState!.Value.NextChunk : 0;
        var chunks = firstChunk;
        async Task FlushAsync()
        {
            chunkNumber.Value = chunks++;
            data.Value = used == buffer.Length ? buffer : buffer.AsSpan(0, used).ToArray();
            await insert.ExecuteNonQueryAsync(cancellationToken);
            used = 0;
        }

        foreach (var entry in append ? keys.ChangesAfterFile() : keys.CurrentAfterFile())
        {
            if (used == buffer.Length)
            {
                await FlushAsync();
            }

            Write(buffer.AsSpan(used, size), entry);
            used += size;
        }

        // An import that changed nothing still appends a chunk, empty: it is the table's latest import.
        if (used > 0 || (append && chunks == firstChunk))
        {
            await FlushAsync();
        }
    }

    /// <summary>Key hash, id, content hash and line hash, then the key hashes of the line's other records if any.</summary>
    public static int EntrySize(TableKeys keys) => 32 + (8 * keys.ParentCount);

    private static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static void Write(Span<byte> to, in Entry entry)
    {
        BinaryPrimitives.WriteInt64LittleEndian(to, entry.KeyHash);
        BinaryPrimitives.WriteInt64LittleEndian(to[8..], entry.Id);
        BinaryPrimitives.WriteInt64LittleEndian(to[16..], entry.Hash);
        BinaryPrimitives.WriteInt64LittleEndian(to[24..], entry.Line);
        if (to.Length > 32)
        {
            BinaryPrimitives.WriteInt64LittleEndian(to[32..], entry.Parent0);
        }

        if (to.Length > 40)
        {
            BinaryPrimitives.WriteInt64LittleEndian(to[40..], entry.Parent1);
        }
    }

    /// <summary>One entry, as <see cref="Write"/> wrote it: 32 bytes, then 8 per key of the line's other records.</summary>
    public static Entry Read(ReadOnlySpan<byte> from) => new(
        BinaryPrimitives.ReadInt64LittleEndian(from),
        BinaryPrimitives.ReadInt64LittleEndian(from[8..]),
        BinaryPrimitives.ReadInt64LittleEndian(from[16..]),
        BinaryPrimitives.ReadInt64LittleEndian(from[24..]),
        from.Length > 32 ? BinaryPrimitives.ReadInt64LittleEndian(from[32..]) : 0,
        from.Length > 40 ? BinaryPrimitives.ReadInt64LittleEndian(from[40..]) : 0);
}
