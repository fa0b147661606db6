using Microsoft.EntityFrameworkCore;
using Socle.Record.Access;
using Socle.Record.Storage;

namespace Socle.Record.Features;

internal sealed class RecordAdministration(RecordDbContext db, RecordAccess access, IAuditTrail audit, TimeProvider clock) : IRecordAdministration
{
    public async Task DeclareRepresentativeAsync(string minorIns, string representativeIns, CancellationToken cancellationToken)
    {
        var record = await access.OpenAsync(minorIns, cancellationToken);
        if (!access.IsMinor(record) || minorIns == representativeIns)
        {
            throw RecordErrors.NotAMinor.WithMessage($"{minorIns} is not the INS of a minor, or names the representative too.").ToException();
        }

        await access.ResolveAsync(new PatientReference(representativeIns, null), cancellationToken); // a qualified INS too
        if (!await db.Representatives.AnyAsync(r => r.RecordId == record.Id && r.RepresentativeIns == representativeIns, cancellationToken))
        {
            db.Representatives.Add(new RecordRepresentative { RecordId = record.Id, RepresentativeIns = representativeIns, DeclaredAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds() });
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("record.representative", "Record", record.Id.ToString("N"), record.Id.ToString("N"), AuditOutcome.Success), cancellationToken);
    }
}
