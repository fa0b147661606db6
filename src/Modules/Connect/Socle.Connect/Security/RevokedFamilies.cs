using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Socle.Connect.Storage;

namespace Socle.Connect.Security;

/// <summary>
/// The token families revoked while their access tokens may still be alive, held in memory so that checking a bearer
/// token costs no round trip to the database. A revocation made in this process is known at once; one made by another
/// process (another host, the CLI) is read by <see cref="RefreshAsync"/> within <see cref="ConnectOptions.RevocationCheckIntervalMs"/>.
/// While the list has not been refreshed recently (start-up, database unreachable), <see cref="Lookup"/> answers
/// "unknown" and the caller asks the database, as before.
/// </summary>
internal sealed class RevokedFamilies(TimeProvider clock, IOptions<ConnectOptions> options)
{
    /// <summary>Revocation times come from each host's clock: read a little before the last read to allow for skew.</summary>
    private const long ClockOverlapMs = 10_000;
    private const int StaleAfterIntervals = 3;
    private const long NeverRefreshed = long.MinValue;

    private readonly ConcurrentDictionary<Guid, long> revoked = new();
    private long? readFromMs;
    private long refreshedAt = NeverRefreshed;

    private long AliveWindowMs => (options.Value.AccessTokenLifetimeSeconds * 1000L) + JwtBearerSetup.ClockSkewMs;

    /// <summary>The token family an access token belongs to (<c>fid</c>): only tokens issued to a person have one.</summary>
    public static Guid? FamilyIdOf(JsonWebToken jwt) =>
        jwt.TryGetPayloadValue<string>("fid", out var fid) && Guid.TryParse(fid, out var id) ? id : null;

    public static Task<bool> RevokedInDatabaseAsync(ConnectDbContext db, Guid familyId, CancellationToken cancellationToken) =>
        db.Families.AnyAsync(f => f.Id == familyId && f.RevokedAtMs != null, cancellationToken);

    /// <summary>True or false when the list is current; null when it is not, and the database must answer.</summary>
    public bool? Lookup(Guid familyId)
    {
        var refreshed = Volatile.Read(ref refreshedAt);
        var current = refreshed != NeverRefreshed
            && clock.GetElapsedTime(refreshed).TotalMilliseconds <= options.Value.RevocationCheckIntervalMs * StaleAfterIntervals;
        return current ? revoked.ContainsKey(familyId) : null;
    }

    /// <summary>A revocation made here: its tokens stop at once in this process.</summary>
    public void Add(Guid familyId, long revokedAtMs) => revoked[familyId] = revokedAtMs;

    /// <summary>Reads the revocations recorded since the last read (all those of the alive window the first time) and forgets expired ones.</summary>
    public async Task RefreshAsync(ConnectDbContext db, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var from = readFromMs ?? now - AliveWindowMs;
        var rows = await db.Families.AsNoTracking()
            .Where(f => f.RevokedAtMs >= from)
            .Select(f => new { f.Id, RevokedAtMs = f.RevokedAtMs!.Value })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            revoked[row.Id] = row.RevokedAtMs;
        }

        foreach (var (id, at) in revoked)
        {
            if (at < now - AliveWindowMs)
            {
                revoked.TryRemove(id, out _);
            }
        }

        readFromMs = now - ClockOverlapMs;
        Volatile.Write(ref refreshedAt, started);
    }
}
