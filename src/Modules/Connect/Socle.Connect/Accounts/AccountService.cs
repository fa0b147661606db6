using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Socle.Connect.Contracts;
using Socle.Connect.Domain;
using Socle.Connect.Oidc;
using Socle.Connect.Storage;
using Socle.Directory.Contracts;

namespace Socle.Connect.Accounts;

internal enum AttemptOutcome
{
    Success,
    Invalid,
    Locked,
}

internal sealed record Attempt(AttemptOutcome Outcome, Account? Account = null, int LockedSeconds = 0);

/// <summary>What the login pages do with accounts: password and second-factor checks (throttled), activation, sessions.</summary>
internal sealed class AccountService(
    ConnectDbContext db,
    LoginThrottle throttle,
    SandboxCredentials sandbox,
    IDirectory directory,
    IAccountMessageSender sender,
    TokenService tokens,
    IOptions<ConnectOptions> options,
    TimeProvider clock)
{
    private const int EmailCodeLifetimeSeconds = 600;

    /// <summary>Checked when the login is unknown, so that an unknown login costs the same time as a wrong password.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => PasswordHasher.Hash(Handles.New()));

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public Task<Account?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Accounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public async Task<Attempt> CheckPasswordAsync(string login, string password, string? address, CancellationToken cancellationToken)
    {
        login = login.Trim();
        var keys = new[] { LoginThrottle.AccountKey(login), LoginThrottle.AddressKey(address) };
        var locked = await throttle.LockedForAsync(keys, cancellationToken);
        if (locked > 0)
        {
            return new Attempt(AttemptOutcome.Locked, LockedSeconds: locked);
        }

        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Login == login, cancellationToken)
            ?? await MaterialiseSandboxProfessionalAsync(login, password, cancellationToken);
        var usable = account is { State: AccountStates.Active, PasswordHash: not null };
        var matches = PasswordHasher.Verify(password, usable ? account!.PasswordHash! : DecoyHash.Value);
        var valid = usable && matches;
        if (!valid)
        {
            await throttle.FailAsync(keys, cancellationToken);
            locked = await throttle.LockedForAsync(keys, cancellationToken);
            return new Attempt(locked > 0 ? AttemptOutcome.Locked : AttemptOutcome.Invalid, account, locked);
        }

        return new Attempt(AttemptOutcome.Success, account);
    }

    /// <summary>Checks a TOTP (single use) or e-mailed code; failures count like wrong passwords.</summary>
    public async Task<Attempt> CheckSecondFactorAsync(Account account, string code, string? address, CancellationToken cancellationToken)
    {
        var keys = new[] { LoginThrottle.AccountKey(account.Login), LoginThrottle.AddressKey(address) };
        var locked = await throttle.LockedForAsync(keys, cancellationToken);
        if (locked > 0)
        {
            return new Attempt(AttemptOutcome.Locked, account, locked);
        }

        var valid = account.SecondFactor == "email" ? ConsumeEmailCode(account, code) : ConsumeTotp(account, account.TotpSecret, code);
        if (!valid)
        {
            await throttle.FailAsync(keys, cancellationToken);
            locked = await throttle.LockedForAsync(keys, cancellationToken);
            return new Attempt(locked > 0 ? AttemptOutcome.Locked : AttemptOutcome.Invalid, account, locked);
        }

        await db.SaveChangesAsync(cancellationToken);
        await throttle.ClearAsync(LoginThrottle.AccountKey(account.Login), cancellationToken);
        return new Attempt(AttemptOutcome.Success, account);
    }

    /// <summary>Confirms an authenticator app: the first code both proves the enrolment and completes the login.</summary>
    public async Task<bool> EnrolTotpAsync(Account account, string secret, string code, CancellationToken cancellationToken)
    {
        if (!ConsumeTotp(account, secret, code))
        {
            return false;
        }

        account.TotpSecret = secret;
        account.SecondFactor = "totp";
        await db.SaveChangesAsync(cancellationToken);
        await throttle.ClearAsync(LoginThrottle.AccountKey(account.Login), cancellationToken);
        return true;
    }

    public async Task SendEmailCodeAsync(Account account, CancellationToken cancellationToken)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        account.EmailCodeHash = Handles.Hash(code);
        account.EmailCodeExpiresAtMs = Now + (EmailCodeLifetimeSeconds * 1000L);
        await db.SaveChangesAsync(cancellationToken);
        await sender.SendAsync(new AccountMessage(account.Email ?? account.Login, "Votre code de connexion Socle", $"Votre code de connexion : {code}\nIl est valable 10 minutes et ne sert qu'une fois."), cancellationToken);
    }

    public async Task<LoginSession> StartSessionAsync(Account account, string amr, CancellationToken cancellationToken)
    {
        var session = new LoginSession { Id = Handles.New(), AccountId = account.Id, AuthTimeMs = Now, Amr = amr };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    public async Task ChooseActivityAsync(string sessionId, string activityId, CancellationToken cancellationToken) =>
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ActivityId, activityId), cancellationToken);

    /// <summary>Ends the session and revokes what was issued from it.</summary>
    public async Task EndSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        var now = Now;
        await db.Sessions.Where(s => s.Id == sessionId && s.EndedAtMs == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAtMs, now), cancellationToken);
        foreach (var family in await db.Families.Where(f => f.SessionId == sessionId && f.RevokedAtMs == null).Select(f => f.Id).ToListAsync(cancellationToken))
        {
            await tokens.RevokeFamilyAsync(family, "logout", cancellationToken);
        }
    }

    public async Task<string?> ChangePasswordAsync(Account account, string current, string replacement, CancellationToken cancellationToken)
    {
        if (account.PasswordHash is null || !PasswordHasher.Verify(current, account.PasswordHash))
        {
            return "Le mot de passe actuel est incorrect.";
        }

        if (PasswordHasher.Weakness(replacement) is { } weakness)
        {
            return weakness;
        }

        account.PasswordHash = PasswordHasher.Hash(replacement);
        account.PasswordChangedAtMs = Now;
        account.Sandbox = false;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Activates a pending patient account with its out-of-band code; null on success, else the reason.</summary>
    public async Task<(Account? Account, string? Error)> ActivateAsync(string login, string code, string password, string secondFactor, string? address, CancellationToken cancellationToken)
    {
        var keys = new[] { LoginThrottle.AccountKey(login), LoginThrottle.AddressKey(address) };
        if (await throttle.LockedForAsync(keys, cancellationToken) is > 0 and var locked)
        {
            return (null, $"Trop de tentatives. Réessayez dans {locked} secondes.");
        }

        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Login == login.Trim() && a.State == AccountStates.Pending, cancellationToken);
        if (account is null || !Handles.Matches(code.Trim().ToUpperInvariant(), account.ActivationCodeHash))
        {
            await throttle.FailAsync(keys, cancellationToken);
            return (null, "Identifiant ou code d'activation incorrect.");
        }

        if (account.ActivationExpiresAtMs < Now)
        {
            return (null, "Ce code d'activation a expiré. Demandez-en un nouveau.");
        }

        if (PasswordHasher.Weakness(password) is { } weakness)
        {
            return (null, weakness);
        }

        account.PasswordHash = PasswordHasher.Hash(password);
        account.PasswordChangedAtMs = Now;
        account.ActivationCodeHash = null;
        account.ActivationExpiresAtMs = null;
        account.State = AccountStates.Active;
        account.SecondFactor = secondFactor == "email" && account.Email is not null ? "email" : "totp";
        await db.SaveChangesAsync(cancellationToken);
        return (account, null);
    }

    private bool ConsumeTotp(Account account, string? secret, string code)
    {
        var key = secret is null ? null : Base32.Decode(secret);
        if (key is null)
        {
            return false;
        }

        var step = Totp.Verify(key, code, clock.GetUtcNow(), account.TotpLastStep);
        if (step is null)
        {
            return false;
        }

        account.TotpLastStep = step.Value;
        return true;
    }

    private bool ConsumeEmailCode(Account account, string code)
    {
        var ok = account.EmailCodeExpiresAtMs >= Now && Handles.Matches(code.Trim(), account.EmailCodeHash);
        if (ok)
        {
            account.EmailCodeHash = null;
            account.EmailCodeExpiresAtMs = null;
        }

        return ok;
    }

    /// <summary>
    /// In sandbox mode every directory professional has an account: the first login with the derived password
    /// creates its row (with TOTP already enrolled, as on a test CPS card).
    /// </summary>
    private async Task<Account?> MaterialiseSandboxProfessionalAsync(string login, string password, CancellationToken cancellationToken)
    {
        if (!options.Value.SandboxAccounts || login.Length is < 9 or > 12)
        {
            return null;
        }

        var (expected, totp) = await sandbox.ForAsync(login, cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(password)))
        {
            return null;
        }

        var professional = await directory.FindProfessionalAsync(login, cancellationToken);
        if (professional is null || professional.IdNat != login || professional.Activities.Count == 0)
        {
            return null;
        }

        return await AccountFactory.AddSandboxProfessionalAsync(db, login, expected, totp, Now, cancellationToken);
    }
}
