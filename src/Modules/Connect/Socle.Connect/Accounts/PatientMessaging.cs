using Microsoft.EntityFrameworkCore;
using Socle.Connect.Contracts;
using Socle.Connect.Domain;
using Socle.Connect.Storage;
using Socle.Identity.Contracts;

namespace Socle.Connect.Accounts;

/// <summary>Finds the patient accounts bound to the qualified identities of an INS and writes to each through the message sender.</summary>
internal sealed class PatientMessaging(ConnectDbContext db, IPatientIdentities identities, IAccountMessageSender sender) : IPatientMessaging
{
    public async Task<bool> NotifyAsync(string ins, string subject, string body, CancellationToken cancellationToken)
    {
        var patientIds = (await identities.FindQualifiedByInsAsync(ins, cancellationToken)).Select(i => (Guid?)i.Id).ToList();
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.Kind == AccountKinds.Patient && patientIds.Contains(a.PatientId))
            .ToListAsync(cancellationToken);
        foreach (var account in accounts)
        {
            await sender.SendAsync(new AccountMessage(account.Email ?? account.Login, subject, body), cancellationToken);
        }

        return accounts.Count > 0;
    }
}
