using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Socle.BuildingBlocks.Storage;
using Socle.Connect.Domain;

namespace Socle.Connect.Storage;

/// <summary>
/// Reads and redeems single-use handles, the token endpoint's hot path, with plain ADO.NET statements on the context's
/// connection: through EF's query pipeline and change tracking, reading and redeeming took about 0.5 ms of a 1.35 ms
/// refresh, for statements SQLite runs in about 0.15 ms (docs/decisions/0016). On SQLite the redemption joins the group
/// commit of the moment (docs/decisions/0017); on PostgreSQL it is its own transaction.
/// </summary>
internal sealed class GrantStore(ConnectDbContext db, SqliteGroupCommit groupCommit)
{
    private static readonly GrantSql Sqlite = new(postgres: false);
    private static readonly GrantSql Postgres = new(postgres: true);

    private GrantSql Sql => db.IsPostgres ? Postgres : Sqlite;

    /// <summary>The grant, its family and whether the family's account, if any, is still active, in one query.</summary>
    public async Task<FoundGrant?> FindAsync(string handleHash, string kind, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(Sql.Find, handleHash, kind);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var grant = new Grant
            {
                HandleHash = handleHash,
                Kind = kind,
                ClientId = reader.GetString(0),
                Scopes = reader.GetString(1),
                RedirectUri = reader.IsDBNull(2) ? null : reader.GetString(2),
                CodeChallenge = reader.IsDBNull(3) ? null : reader.GetString(3),
                Nonce = reader.IsDBNull(4) ? null : reader.GetString(4),
                CreatedAtMs = reader.GetInt64(5),
                ExpiresAtMs = reader.GetInt64(6),
                ConsumedAtMs = reader.IsDBNull(7) ? null : reader.GetInt64(7),
                FamilyId = reader.GetGuid(8),
            };
            var family = new TokenFamily
            {
                Id = reader.GetGuid(8),
                ClientId = reader.GetString(9),
                AccountId = reader.IsDBNull(10) ? null : reader.GetGuid(10),
                SessionId = reader.IsDBNull(11) ? null : reader.GetString(11),
                ClaimsJson = reader.GetString(12),
                CreatedAtMs = reader.GetInt64(13),
                RevokedAtMs = reader.IsDBNull(14) ? null : reader.GetInt64(14),
                RevokedReason = reader.IsDBNull(15) ? null : reader.GetString(15),
            };
            return new FoundGrant(grant, family, reader.GetInt32(16) == 1);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Marks the redeemed handle (if any) used, only while it is still unused, and stores the next one (a rotated refresh
    /// token, if any) in one transaction. False when the handle was already used, by a concurrent request included:
    /// nothing is written then, and the caller treats it as a reuse. On SQLite the transaction is shared with the other
    /// writes of the moment (<see cref="SqliteGroupCommit"/>).
    /// </summary>
    public async Task<bool> StoreAsync(string? redeemedHandleHash, long nowMs, Grant? next, CancellationToken cancellationToken)
    {
        if (redeemedHandleHash is null && next is null)
        {
            return true;
        }

        if (db.IsSqlite)
        {
            // EF stores a Guid on SQLite as upper-case text; the raw statement must write it the same way.
            var familyId = next?.FamilyId!.Value.ToString().ToUpperInvariant();
            return await groupCommit.WriteAsync(
                batch =>
                {
                    if (redeemedHandleHash is not null && batch.Execute(Sql.Consume, nowMs, redeemedHandleHash) != 1)
                    {
                        return false;
                    }

                    if (next is not null)
                    {
                        batch.Execute(Sql.Insert, next.HandleHash, next.Kind, familyId, next.ClientId, next.Scopes, next.CreatedAtMs, next.ExpiresAtMs);
                    }

                    return true;
                },
                cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (redeemedHandleHash is not null)
        {
            await using var consume = Command(Sql.Consume, nowMs, redeemedHandleHash);
            if (await consume.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }

        if (next is not null)
        {
            await using var insert = Command(Sql.Insert, next.HandleHash, next.Kind, next.FamilyId!.Value, next.ClientId, next.Scopes, next.CreatedAtMs, next.ExpiresAtMs);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private DbCommand Command(string sql, params object[] values)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>The statements for one provider's table names; the values are the parameters @p0, @p1...</summary>
    private sealed class GrantSql
    {
        public GrantSql(bool postgres)
        {
            string Table(string name) => ModuleDbContext.QuotedTable(postgres, ConnectDbContext.ModuleName, name);
            var grants = Table(ConnectDbContext.GrantsTable);
            Find = $"""
                SELECT g."ClientId", g."Scopes", g."RedirectUri", g."CodeChallenge", g."Nonce", g."CreatedAtMs", g."ExpiresAtMs", g."ConsumedAtMs",
                       f."Id", f."ClientId", f."AccountId", f."SessionId", f."ClaimsJson", f."CreatedAtMs", f."RevokedAtMs", f."RevokedReason",
                       CASE WHEN f."AccountId" IS NULL OR EXISTS (SELECT 1 FROM {Table(ConnectDbContext.AccountsTable)} a WHERE a."Id" = f."AccountId" AND a."State" = '{AccountStates.Active}') THEN 1 ELSE 0 END
                FROM {grants} g JOIN {Table(ConnectDbContext.FamiliesTable)} f ON f."Id" = g."FamilyId"
                WHERE g."HandleHash" = @p0 AND g."Kind" = @p1
                """;
            Consume = $"UPDATE {grants} SET \"ConsumedAtMs\" = @p0 WHERE \"HandleHash\" = @p1 AND \"ConsumedAtMs\" IS NULL";
            Insert = $"INSERT INTO {grants} (\"HandleHash\", \"Kind\", \"FamilyId\", \"ClientId\", \"Scopes\", \"CreatedAtMs\", \"ExpiresAtMs\") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)";
        }

        public string Find { get; }

        public string Consume { get; }

        public string Insert { get; }
    }
}

internal sealed record FoundGrant(Grant Grant, TokenFamily Family, bool AccountActive);
