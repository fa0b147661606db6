using System.Data.Common;
using Socle.Audit.Domain;
using Socle.BuildingBlocks.Storage;

namespace Socle.Audit.Storage;

/// <summary>
/// Reads the chain head and appends sealed entries with plain statements instead of EF's SaveChanges, which cost several
/// times the insert itself: about 350 µs for a lone entry against 50–90 µs on SQLite (docs/decisions/0016), and a
/// tenth of the host's CPU in an INSi call on PostgreSQL. On SQLite the statements are part of a group commit
/// (docs/decisions/0017); on PostgreSQL a batch is one round trip.
/// </summary>
internal static class AuditInsert
{
    private static readonly string[] Columns =
    [
        nameof(AuditEntry.Sequence), nameof(AuditEntry.OccurredAtMs), nameof(AuditEntry.ClientId), nameof(AuditEntry.Organisation),
        nameof(AuditEntry.PersonId), nameof(AuditEntry.Action), nameof(AuditEntry.ResourceType), nameof(AuditEntry.ResourceId),
        nameof(AuditEntry.PatientId), nameof(AuditEntry.Purpose), nameof(AuditEntry.Outcome), nameof(AuditEntry.Detail),
        nameof(AuditEntry.SourceAddress), nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash),
    ];

    /// <summary>Named parameters, bound by <see cref="SqliteBatch"/>.</summary>
    private static readonly string SqliteInsert = Insert(postgres: false, Columns.Select((_, i) => "@p" + i));

    /// <summary>Positional parameters: Npgsql sends them as they are, without rewriting the text.</summary>
    private static readonly string ServerInsert = Insert(postgres: true, Columns.Select((_, i) => "$" + (i + 1)));

    private static readonly string Head =
        $"SELECT \"{nameof(AuditEntry.Sequence)}\", \"{nameof(AuditEntry.Hash)}\" FROM \"{AuditDbContext.EntriesTable}\" ORDER BY \"{nameof(AuditEntry.Sequence)}\" DESC LIMIT 1";

    /// <summary>The last entry's sequence and hash; the genesis hash at sequence 0 for an empty log.</summary>
    public static (long Sequence, string Hash) ReadHead(SqliteBatch batch)
    {
        using var reader = batch.Query(Head);
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditChain.GenesisHash);
    }

    public static void Append(SqliteBatch batch, AuditEntry entry) =>
        batch.Execute(SqliteInsert, Values(entry));

    /// <summary>
    /// All the entries in one batch, sent in one round trip. Without a transaction of its own the batch still runs as one
    /// implicit transaction on PostgreSQL: an entry that conflicts on its sequence fails the whole batch.
    /// </summary>
    public static async Task AppendAsync(DbConnection connection, IEnumerable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        await using var batch = connection.CreateBatch();
        foreach (var entry in entries)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = ServerInsert;
            foreach (var value in Values(entry))
            {
                var parameter = command.CreateParameter();
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Insert(bool postgres, IEnumerable<string> parameters) =>
        $"INSERT INTO {ModuleDbContext.QuotedTable(postgres, AuditDbContext.ModuleName, AuditDbContext.EntriesTable)} "
        + $"({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", parameters)})";

    private static object?[] Values(AuditEntry entry) =>
    [
        entry.Sequence, entry.OccurredAtMs, entry.ClientId, entry.Organisation, entry.PersonId, entry.Action, entry.ResourceType,
        entry.ResourceId, entry.PatientId, entry.Purpose, entry.Outcome, entry.Detail, entry.SourceAddress, entry.PreviousHash, entry.Hash,
    ];
}
