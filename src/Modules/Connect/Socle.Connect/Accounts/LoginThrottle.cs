using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Socle.Connect.Domain;
using Socle.Connect.Storage;

namespace Socle.Connect.Accounts;

/// <summary>
/// Failed logins per account and per source address, in the database so that every host counts alike. From the
/// threshold on, each failure locks the key for twice as long as the previous one (capped at a day); a success
/// clears the account's count; an address's count fades after an hour without failures.
/// </summary>
internal sealed class LoginThrottle(ConnectDbContext db, IOptions<ConnectOptions> options, TimeProvider clock)
{
    private const long FadeMs = 3_600_000;
    private const long MaxLockMs = 86_400_000;

    public static string AccountKey(string login) => "account:" + login.ToUpperInvariant();

    public static string AddressKey(string? address) => "address:" + (address ?? "unknown");

    /// <summary>Seconds until every key is unlocked; 0 when none is locked.</summary>
    public async Task<int> LockedForAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var until = await db.Throttle.AsNoTracking().Where(t => keys.Contains(t.Key)).Select(t => (long?)t.LockedUntilMs).MaxAsync(cancellationToken) ?? 0;
        return until > now ? (int)Math.Ceiling((until - now) / 1000.0) : 0;
    }

    public async Task FailAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var key in keys)
        {
            var threshold = key.StartsWith("address:", StringComparison.Ordinal) ? options.Value.AddressLockoutThreshold : options.Value.LockoutThreshold;
            var entry = await db.Throttle.SingleOrDefaultAsync(t => t.Key == key, cancellationToken);
            if (entry is null)
            {
                entry = new LoginThrottleEntry { Key = key };
                db.Throttle.Add(entry);
            }
            else if (now - entry.LastFailureAtMs > FadeMs)
            {
                entry.Failures = 0;
            }

            entry.Failures++;
            entry.LastFailureAtMs = now;
            if (entry.Failures >= threshold)
            {
                var doublings = Math.Min(entry.Failures - threshold, 20);
                entry.LockedUntilMs = now + Math.Min(options.Value.LockoutSeconds * 1000L << doublings, MaxLockMs);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task ClearAsync(string key, CancellationToken cancellationToken) =>
        db.Throttle.Where(t => t.Key == key).ExecuteDeleteAsync(cancellationToken);
}
