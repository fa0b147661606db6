using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Socle.Audit.Domain;

namespace Socle.Audit.Storage;

/// <summary>
/// Appends a batch to the embedded SQLite file with one prepared statement bound once per entry. There a batch is
/// usually one or two entries (each request waits for its own), and EF's SaveChanges cost several times the insert
/// itself: about 350 µs for a lone entry against 50–90 µs (docs/decisions/0016). PostgreSQL keeps SaveChanges, which sends a whole batch in one round trip.
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

    private static readonly string Sql =
        $"INSERT INTO \"{AuditDbContext.EntriesTable}\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";

    /// <summary>Inserts the sealed entries in the context's current transaction.</summary>
    public static async Task InsertAsync(AuditDbContext db, IEnumerable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = Sql;
        var parameters = Columns.Select(column =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + column;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        foreach (var entry in entries)
        {
            Bind(parameters, entry);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void Bind(DbParameter[] parameters, AuditEntry entry)
    {
        object?[] values =
        [
            entry.Sequence, entry.OccurredAtMs, entry.ClientId, entry.Organisation, entry.PersonId, entry.Action, entry.ResourceType,
            entry.ResourceId, entry.PatientId, entry.Purpose, entry.Outcome, entry.Detail, entry.SourceAddress, entry.PreviousHash, entry.Hash,
        ];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
