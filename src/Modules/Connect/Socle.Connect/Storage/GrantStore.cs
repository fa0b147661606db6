using Microsoft.EntityFrameworkCore;
using Socle.Connect.Domain;

namespace Socle.Connect.Storage;

/// <summary>
/// Reads and redeems single-use handles on the token endpoint's hot path. The grant is read with a compiled query and
/// redeemed with two plain statements in one transaction instead of a tracked entity and SaveChanges: a refresh is
/// a few hundred microseconds of work, and EF's change tracking was a third of it (docs/performance.md).
/// </summary>
internal sealed class GrantStore(ConnectDbContext db, ConnectQueries queries)
{
    private static readonly GrantSql Sqlite = new($"\"{ConnectDbContext.GrantsTable}\"");
    private static readonly GrantSql Postgres = new($"\"{ConnectDbContext.ModuleName}\".\"{ConnectDbContext.GrantsTable}\"");

    public Task<FoundGrant?> FindAsync(string handleHash, string kind, CancellationToken cancellationToken) =>
        queries.GrantByHash(db, handleHash, kind, cancellationToken);

    /// <summary>
    /// Marks the redeemed handle (if any) used and stores the next one (a rotated refresh token, if any) in one
    /// transaction. False when the handle was already used, by a concurrent request included: nothing is written then,
    /// and the caller treats it as a reuse.
    /// </summary>
    public async Task<bool> StoreAsync(string? redeemedHandleHash, long nowMs, Grant? next, CancellationToken cancellationToken)
    {
        var sql = db.IsPostgres ? Postgres : Sqlite;
        await using var transaction = redeemedHandleHash is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        if (redeemedHandleHash is not null)
        {
            var consumed = await db.Database.ExecuteSqlRawAsync(
                sql.Consume,
                [nowMs, redeemedHandleHash],
                cancellationToken);
            if (consumed != 1)
            {
                await transaction!.RollbackAsync(cancellationToken);
                return false;
            }
        }

        if (next is not null)
        {
            await db.Database.ExecuteSqlRawAsync(
                sql.Insert,
                [next.HandleHash, next.Kind, next.FamilyId!.Value, next.ClientId, next.Scopes, next.CreatedAtMs, next.ExpiresAtMs],
                cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>The two statements for one provider's table name; the values are parameters ({0}...).</summary>
    private sealed class GrantSql(string table)
    {
        public string Consume { get; } = $"UPDATE {table} SET \"ConsumedAtMs\" = {{0}} WHERE \"HandleHash\" = {{1}} AND \"ConsumedAtMs\" IS NULL";

        public string Insert { get; } =
            $"INSERT INTO {table} (\"HandleHash\", \"Kind\", \"FamilyId\", \"ClientId\", \"Scopes\", \"CreatedAtMs\", \"ExpiresAtMs\") VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}, {{6}})";
    }
}
