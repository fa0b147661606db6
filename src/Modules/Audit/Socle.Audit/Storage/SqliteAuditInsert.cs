using Socle.Audit.Domain;
using Socle.BuildingBlocks.Storage;

namespace Socle.Audit.Storage;

/// <summary>
/// Reads the chain head and appends sealed entries on the embedded SQLite file, as statements of a group commit
/// (docs/decisions/0017): there the writer's batches are one or two entries (each request waits for its own), and EF's
/// SaveChanges cost several times the insert itself, about 350 µs for a lone entry against 50–90 µs (docs/decisions/0016).
/// PostgreSQL keeps SaveChanges, which sends a whole batch in one round trip.
/// </summary>
internal static class SqliteAuditInsert
{
    private static readonly string[] Columns =
    [
        nameof(AuditEntry.Sequence), nameof(AuditEntry.OccurredAtMs), nameof(AuditEntry.ClientId), nameof(AuditEntry.Organisation),
        nameof(AuditEntry.PersonId), nameof(AuditEntry.Action), nameof(AuditEntry.ResourceType), nameof(AuditEntry.ResourceId),
        nameof(AuditEntry.PatientId), nameof(AuditEntry.Purpose), nameof(AuditEntry.Outcome), nameof(AuditEntry.Detail),
        nameof(AuditEntry.SourceAddress), nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash),
    ];

    private static readonly string Insert =
        $"INSERT INTO \"{AuditDbContext.EntriesTable}\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => "@p" + i))})";

    private static readonly string Head =
        $"SELECT \"{nameof(AuditEntry.Sequence)}\", \"{nameof(AuditEntry.Hash)}\" FROM \"{AuditDbContext.EntriesTable}\" ORDER BY \"{nameof(AuditEntry.Sequence)}\" DESC LIMIT 1";

    /// <summary>The last entry's sequence and hash; the genesis hash at sequence 0 for an empty log.</summary>
    public static (long Sequence, string Hash) ReadHead(SqliteBatch batch)
    {
        using var reader = batch.Query(Head);
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditChain.GenesisHash);
    }

    public static void Append(SqliteBatch batch, AuditEntry entry) =>
        batch.Execute(
            Insert,
            entry.Sequence, entry.OccurredAtMs, entry.ClientId, entry.Organisation, entry.PersonId, entry.Action, entry.ResourceType,
            entry.ResourceId, entry.PatientId, entry.Purpose, entry.Outcome, entry.Detail, entry.SourceAddress, entry.PreviousHash, entry.Hash);
}
