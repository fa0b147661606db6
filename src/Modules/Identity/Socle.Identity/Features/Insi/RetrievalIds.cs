using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Socle.Identity.Storage;

namespace Socle.Identity.Features.Insi;

/// <summary>
/// A retrieval-id proves that an INSi call returned this reference identity to this organisation: it is signed
/// (HMAC-SHA256, key shared by all hosts through the database), bound to the organisation and valid 24 hours.
/// Nothing is written per INSi call, which keeps the teleservice read-only and fast.
/// </summary>
internal sealed class RetrievalIds(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private const string KeyName = "retrieval-id-hmac";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private readonly SemaphoreSlim loading = new(1, 1);
    private byte[]? key;

    public async Task<string> IssueAsync(long referenceId, string organisation, CancellationToken cancellationToken)
    {
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        var payload = string.Create(CultureInfo.InvariantCulture, $"{referenceId}.{expires}");
        return payload + "." + await SignAsync(payload, organisation, cancellationToken);
    }

    /// <summary>The reference id, or null when the id is forged, expired or issued to another organisation.</summary>
    public async Task<long?> ReadAsync(string retrievalId, string organisation, CancellationToken cancellationToken)
    {
        var parts = retrievalId.Split('.');
        if (parts.Length != 3
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var referenceId)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        var expected = await SignAsync(parts[0] + "." + parts[1], organisation, cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2])))
        {
            return null;
        }

        return clock.GetUtcNow().ToUnixTimeSeconds() <= expires ? referenceId : null;
    }

    private async Task<string> SignAsync(string payload, string organisation, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            await loading.WaitAsync(cancellationToken);
            try
            {
                key ??= await LoadKeyAsync(cancellationToken);
            }
            finally
            {
                loading.Release();
            }
        }

        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload + "|" + organisation));
        return Convert.ToBase64String(mac, 0, 18).Replace('+', '-').Replace('/', '_');
    }

    public void Dispose() => loading.Dispose();

    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var stored = await db.Secrets.AsNoTracking().SingleOrDefaultAsync(s => s.Name == KeyName, cancellationToken);
        if (stored is not null)
        {
            return Convert.FromBase64String(stored.Value);
        }

        db.Secrets.Add(new IdentitySecret { Name = KeyName, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another host created it first: use theirs.
        }

        await using var reread = scopes.CreateAsyncScope();
        var value = await reread.ServiceProvider.GetRequiredService<IdentityDbContext>().Secrets.AsNoTracking()
            .Where(s => s.Name == KeyName).Select(s => s.Value).SingleAsync(cancellationToken);
        return Convert.FromBase64String(value);
    }
}
