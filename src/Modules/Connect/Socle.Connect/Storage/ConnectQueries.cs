using Microsoft.EntityFrameworkCore;
using Socle.Connect.Domain;

namespace Socle.Connect.Storage;

/// <summary>
/// The queries every token request runs, compiled once instead of looked up in EF's query cache each time. One instance
/// per host (a singleton), not static fields: a compiled query serves one model, and a test process runs hosts on
/// SQLite and on PostgreSQL side by side.
/// </summary>
internal sealed class ConnectQueries
{
    public Func<ConnectDbContext, string, CancellationToken, Task<ClientApplication?>> ClientById { get; } =
        EF.CompileAsyncQuery((ConnectDbContext db, string clientId, CancellationToken _) => db.Clients.AsNoTracking().SingleOrDefault(x => x.ClientId == clientId));

    /// <summary>The grant, its family and whether the family's account, if any, is still active, in one query.</summary>
    public Func<ConnectDbContext, string, string, CancellationToken, Task<FoundGrant?>> GrantByHash { get; } =
        EF.CompileAsyncQuery((ConnectDbContext db, string hash, string kind, CancellationToken _) =>
            db.Grants.AsNoTracking()
                .Where(g => g.HandleHash == hash && g.Kind == kind)
                .Join(db.Families.AsNoTracking(), g => g.FamilyId, f => f.Id, (g, f) => new { Grant = g, Family = f })
                .Select(x => new FoundGrant(
                    x.Grant,
                    x.Family,
                    x.Family.AccountId == null || db.Accounts.Any(a => a.Id == x.Family.AccountId && a.State == AccountStates.Active)))
                .SingleOrDefault());
}

internal sealed record FoundGrant(Grant Grant, TokenFamily Family, bool AccountActive);
