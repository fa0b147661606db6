using Microsoft.EntityFrameworkCore;
using Socle.Connect.Domain;
using Socle.Connect.Storage;

namespace Socle.Connect.Accounts;

internal static class AccountFactory
{
    /// <summary>Adds a sandbox account; if another request added it meanwhile, returns that one.</summary>
    public static async Task<Account> AddSandboxProfessionalAsync(ConnectDbContext db, string idNat, string password, string totpSecret, long now, CancellationToken cancellationToken)
    {
        var account = new Account
        {
            Id = Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(now)),
            Kind = AccountKinds.Professional,
            Login = idNat,
            IdNat = idNat,
            PasswordHash = PasswordHasher.Hash(password),
            TotpSecret = totpSecret,
            Sandbox = true,
            CreatedAtMs = now,
        };
        return await AddOrReuseAsync(db, account, cancellationToken);
    }

    public static async Task<Account> AddOrReuseAsync(ConnectDbContext db, Account account, CancellationToken cancellationToken)
    {
        db.Accounts.Add(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return account;
        }
        catch (DbUpdateException)
        {
            db.Entry(account).State = EntityState.Detached;
            return await db.Accounts.SingleAsync(a => a.Login == account.Login, cancellationToken);
        }
    }
}
