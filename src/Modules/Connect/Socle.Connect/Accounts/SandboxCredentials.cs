using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Socle.Connect.Domain;
using Socle.Connect.Storage;

namespace Socle.Connect.Accounts;

/// <summary>
/// Sandbox credentials derived from a random key of this installation: the same login always gets the same
/// password and TOTP secret, so that <c>socle sandbox accounts</c> can print them again without storing them in clear
/// (docs/decisions/0011). Never used when sandbox accounts are switched off.
/// </summary>
internal sealed class SandboxCredentials(ConnectDbContext db)
{
    private const string KeyName = "sandbox-credential-key";
    private byte[]? key;

    public async Task<(string Password, string TotpSecret)> ForAsync(string login, CancellationToken cancellationToken)
    {
        key ??= await LoadKeyAsync(cancellationToken);
        var password = "Sbx-" + Base32.Encode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("password:" + login)).AsSpan(0, 10)).ToLowerInvariant();
        var totp = Base32.Encode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("totp:" + login)).AsSpan(0, 20));
        return (password, totp);
    }

    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Name == KeyName, cancellationToken);
        if (stored is not null)
        {
            return Convert.FromBase64String(stored.Value);
        }

        var fresh = RandomNumberGenerator.GetBytes(32);
        db.Settings.Add(new ConnectSetting { Name = KeyName, Value = Convert.ToBase64String(fresh) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return fresh;
        }
        catch (DbUpdateException)
        {
            // Another process created it first: use theirs.
            db.ChangeTracker.Clear();
            return Convert.FromBase64String((await db.Settings.AsNoTracking().SingleAsync(s => s.Name == KeyName, cancellationToken)).Value);
        }
    }
}
