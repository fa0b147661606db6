using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Socle.Connect.Domain;
using Socle.Connect.Storage;

namespace Socle.Connect.Security;

/// <summary>
/// The ES256 keys, read from the database and cached. The first host to need a key creates it; a racing host's
/// key is simply a second published key.
/// </summary>
internal sealed class SigningKeyStore(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
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

        return await ReloadAsync(cancellationToken);
    }

    /// <summary>Keys to validate a token signed with <paramref name="keyId"/>; reloads (rate-limited) on an unknown kid.</summary>
    public IEnumerable<SecurityKey> ResolveForValidation(string? keyId)
    {
        var keys = GetAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (keyId is not null && keys.All.All(k => k.KeyId != keyId) && clock.GetUtcNow() - keys.LoadedAt > MinReloadInterval)
        {
            keys = ReloadAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        return keys.All;
    }

    public void Dispose()
    {
        gate.Dispose();
        foreach (var key in cached?.All ?? [])
        {
            key.ECDsa.Dispose();
        }
    }

    private async Task<KeySet> ReloadAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ConnectDbContext>();
            var rows = await db.SigningKeys.AsNoTracking().OrderBy(k => k.CreatedAtMs).ToListAsync(cancellationToken);
            if (!rows.Any(k => k.RetiredAtMs == null))
            {
                rows.Add(await CreateKeyAsync(db, cancellationToken));
            }

            var keys = rows.Select(ToSecurityKey).ToList();
            var activeId = rows.Last(k => k.RetiredAtMs == null).KeyId;
            var set = new KeySet(keys.Single(k => k.KeyId == activeId), keys, clock.GetUtcNow());
            cached = set;
            return set;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<SigningKey> CreateKeyAsync(ConnectDbContext db, CancellationToken cancellationToken)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = new SigningKey
        {
            KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            PrivateKeyPem = ecdsa.ExportPkcs8PrivateKeyPem(),
            CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        db.SigningKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
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
