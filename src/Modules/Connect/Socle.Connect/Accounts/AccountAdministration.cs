using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Socle.Connect.Contracts;
using Socle.Connect.Domain;
using Socle.Connect.Security;
using Socle.Connect.Storage;
using Socle.Directory.Contracts;
using Socle.Identity.Contracts;

namespace Socle.Connect.Accounts;

internal sealed class AccountAdministration(
    ConnectDbContext db,
    IDirectory directory,
    ISandboxDirectory sandboxDirectory,
    IPatientIdentities identities,
    ISandboxIdentities sandboxIdentities,
    SandboxCredentials sandbox,
    IAccountMessageSender sender,
    SigningKeyStore keys,
    IOptions<ConnectOptions> options,
    TimeProvider clock) : IAccountAdministration
{
    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<ProfessionalAccount> CreateProfessionalAsync(string idNat, CancellationToken cancellationToken)
    {
        var professional = await directory.FindProfessionalAsync(idNat.Trim(), cancellationToken) ?? throw ConnectErrors.UnknownProfessional.ToException();
        if (await db.Accounts.AnyAsync(a => a.IdNat == professional.IdNat, cancellationToken))
        {
            throw ConnectErrors.AccountExists.ToException();
        }

        var password = "Init-" + Handles.NewHumanCode();
        db.Accounts.Add(new Account
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Kind = AccountKinds.Professional,
            Login = professional.IdNat,
            IdNat = professional.IdNat,
            PasswordHash = PasswordHasher.Hash(password),
            CreatedAtMs = Now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new ProfessionalAccount(professional.IdNat, password, professional.IdNat);
    }

    public async Task<PatientEnrolment> CreatePatientAsync(string ins, string? email, CancellationToken cancellationToken)
    {
        if (email is not null && !MailAddress.TryCreate(email, out _))
        {
            throw ConnectErrors.InvalidEmail.ToException();
        }

        var qualified = await identities.FindQualifiedByInsAsync(ins.Trim(), cancellationToken);
        var identity = qualified.OrderByDescending(i => i.Organisation == options.Value.PatientSpaceOrganisation).FirstOrDefault()
            ?? throw ConnectErrors.NoQualifiedIdentity.ToException();
        var patientIds = qualified.Select(q => (Guid?)q.Id).ToList();
        if (await db.Accounts.AnyAsync(a => patientIds.Contains(a.PatientId) || (email != null && a.Login == email), cancellationToken))
        {
            throw ConnectErrors.AccountExists.ToException();
        }

        var code = Handles.NewHumanCode();
        var expires = clock.GetUtcNow().AddHours(options.Value.ActivationCodeLifetimeHours);
        var account = new Account
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Kind = AccountKinds.Patient,
            Login = email ?? PatientLogin(identity.Id),
            PatientId = identity.Id,
            Email = email,
            State = AccountStates.Pending,
            ActivationCodeHash = Handles.Hash(code),
            ActivationExpiresAtMs = expires.ToUnixTimeMilliseconds(),
            CreatedAtMs = Now,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        var deliveredTo = await sender.SendAsync(
            new AccountMessage(account.Email ?? account.Login, "Activez votre compte patient Socle", $"Identifiant : {account.Login}\nCode d'activation : {code}\nÀ saisir sur la page /connect/activate avant le {expires:dd/MM/yyyy HH:mm} (UTC)."),
            cancellationToken);
        return new PatientEnrolment(account.Login, code, expires, deliveredTo);
    }

    public async Task<IReadOnlyList<SandboxProfessionalAccount>> SandboxProfessionalsAsync(int count, string? professionCode, CancellationToken cancellationToken)
    {
        EnsureSandbox();
        var result = new List<SandboxProfessionalAccount>();
        foreach (var idNat in await sandboxDirectory.ListProfessionalsAsync(count, professionCode, cancellationToken))
        {
            var (password, totp) = await sandbox.ForAsync(idNat, cancellationToken);
            var existing = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Login == idNat, cancellationToken);
            if (existing is { Sandbox: false })
            {
                continue; // its owner changed the password: no longer a sandbox credential to print
            }

            if (existing is null)
            {
                await AccountFactory.AddSandboxProfessionalAsync(db, idNat, password, totp, Now, cancellationToken);
            }

            result.Add(new SandboxProfessionalAccount(idNat, password, existing?.TotpSecret ?? totp, idNat));
        }

        return result;
    }

    public async Task<IReadOnlyList<SandboxPatientAccount>> SandboxPatientsAsync(int count, CancellationToken cancellationToken)
    {
        EnsureSandbox();
        var result = new List<SandboxPatientAccount>();
        foreach (var identity in await sandboxIdentities.EnrolQualifiedAsync(options.Value.PatientSpaceOrganisation, count, cancellationToken))
        {
            var login = PatientLogin(identity.Id);
            var (password, totp) = await sandbox.ForAsync(login, cancellationToken);
            var existing = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.PatientId == identity.Id, cancellationToken);
            if (existing is { Sandbox: false })
            {
                continue;
            }

            existing ??= await AccountFactory.AddOrReuseAsync(db, new Account
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                Kind = AccountKinds.Patient,
                Login = login,
                PatientId = identity.Id,
                PasswordHash = PasswordHasher.Hash(password),
                TotpSecret = totp,
                Sandbox = true,
                CreatedAtMs = Now,
            }, cancellationToken);
            result.Add(new SandboxPatientAccount(existing.Login, password, existing.TotpSecret ?? totp, identity.Ins!));
        }

        return result;
    }

    public async Task<string> RotateSigningKeysAsync(CancellationToken cancellationToken) => (await keys.RotateAsync(cancellationToken)).Active.KeyId;

    /// <summary>A login that says nothing about the person (not the NIR): derived from the internal identity id.</summary>
    private static string PatientLogin(Guid patientId) => "pat-" + patientId.ToString("N")[^10..];

    private void EnsureSandbox()
    {
        if (!options.Value.SandboxAccounts)
        {
            throw new InvalidOperationException("Sandbox accounts are switched off (Socle:Connect:SandboxAccounts=false).");
        }
    }
}
