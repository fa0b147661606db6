using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Socle.Connect.Domain;
using Socle.Connect.Storage;

namespace Socle.Connect.Security;

/// <summary>
/// The ES256 keys, read from the database and cached. Two keys are always published: the active one, which signs,
/// and the next one, so that relying parties already hold it when <see cref="RotateAsync"/> activates it. A retired
/// key stays published until the tokens it signed have expired. The first host to need a key creates it; a racing
/// host's key is simply one more published key.
/// </summary>
internal sealed class SigningKeyStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ConnectOptions> options) : IDisposable
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MinReloadInterval = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile KeySet? cached;

    public async Task<KeySet> GetAsync(CancellationToken cancellationToken)
    {
        var current = cached;
        if (current is not null && clock.GetUtcNow() - current.LoadedAt < CacheLifetime)
        {
            return current;
        }

        return await ReloadAsync(rotate: false, cancellationToken);
    }

    /// <summary>Keys to validate a token signed with <paramref name="keyId"/>; reloads (rate-limited) on an unknown kid.</summary>
    public IEnumerable<SecurityKey> ResolveForValidation(string? keyId)
    {
        var keys = GetAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (keyId is not null && keys.All.All(k => k.KeyId != keyId) && clock.GetUtcNow() - keys.LoadedAt > MinReloadInterval)
        {
            keys = ReloadAsync(rotate: false, CancellationToken.None).GetAwaiter().GetResult();
        }

        return keys.All;
    }

    /// <summary>The next key starts signing, the active one retires and a new next key is published.</summary>
    public Task<KeySet> RotateAsync(CancellationToken cancellationToken) => ReloadAsync(rotate: true, cancellationToken);

    public void Dispose()
    {
        gate.Dispose();
        foreach (var key in cached?.All ?? [])
        {
            key.ECDsa.Dispose();
        }
    }

    private async Task<KeySet> ReloadAsync(bool rotate, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ConnectDbContext>();
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var rows = await db.SigningKeys.OrderBy(k => k.CreatedAtMs).ToListAsync(cancellationToken);
            var active = rows.LastOrDefault(k => k.RetiredAtMs == null && k.ActivatedAtMs != null);
            var next = rows.LastOrDefault(k => k.RetiredAtMs == null && k.ActivatedAtMs == null);
            if (rotate && active is not null)
            {
                active.RetiredAtMs = now;
                active = null;
            }

            if (active is null)
            {
                active = next ?? NewKey(db, now);
                active.ActivatedAtMs = now;
                next = null;
            }

            next ??= NewKey(db, now);
            await db.SaveChangesAsync(cancellationToken);

            // Retired keys stay published for twice the longest token lifetime.
            var keep = now - (2L * Math.Max(options.Value.AccessTokenLifetimeSeconds, options.Value.IdTokenLifetimeSeconds) * 1000);
            var published = db.SigningKeys.Local
                .Where(k => k.RetiredAtMs == null || k.RetiredAtMs > keep)
                .OrderBy(k => k.CreatedAtMs)
                .Select(ToSecurityKey)
                .ToList();
            var set = new KeySet(published.Single(k => k.KeyId == active.KeyId), published, clock.GetUtcNow());
            cached = set;
            return set;
        }
        finally
        {
            gate.Release();
        }
    }

    private static SigningKey NewKey(ConnectDbContext db, long now)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = new SigningKey
        {
            KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            PrivateKeyPem = ecdsa.ExportPkcs8PrivateKeyPem(),
            CreatedAtMs = now,
        };
        db.SigningKeys.Add(key);
        return key;
    }

    private static ECDsaSecurityKey ToSecurityKey(SigningKey row)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(row.PrivateKeyPem);
        return new ECDsaSecurityKey(ecdsa) { KeyId = row.KeyId };
    }
}

internal sealed record KeySet(ECDsaSecurityKey Active, IReadOnlyList<ECDsaSecurityKey> All, DateTimeOffset LoadedAt);
