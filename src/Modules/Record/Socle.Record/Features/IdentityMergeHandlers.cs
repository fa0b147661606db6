using Microsoft.EntityFrameworkCore;
using Socle.BuildingBlocks.Outbox;
using Socle.Identity.Contracts;
using Socle.Record.Storage;

namespace Socle.Record.Features;

/// <summary>
/// Documents follow the surviving identity of a merge: the survivor designates the source's record (a link tagged
/// with the merge), and an unmerge removes that link. Both are idempotent, as the outbox delivers at least once.
/// </summary>
internal sealed class IdentityMergeHandlers(RecordDbContext db, IPatientIdentities identities) :
    IIntegrationEventHandler<IdentityMerged>, IIntegrationEventHandler<IdentityUnmerged>
{
    public async Task HandleAsync(IdentityMerged integrationEvent, Guid messageId, CancellationToken cancellationToken)
    {
        var recordId = await RecordOfAsync(integrationEvent.SourcePatientId, cancellationToken);
        if (recordId is null || await db.PatientLinks.AnyAsync(l => l.PatientId == integrationEvent.TargetPatientId, cancellationToken))
        {
            return;
        }

        // A survivor that is itself qualified reaches its record by its own INS (the same, Identity refuses merging two INS).
        var target = await identities.FindAsync(integrationEvent.TargetPatientId, cancellationToken);
        if (target?.Ins is not null)
        {
            return;
        }

        db.PatientLinks.Add(new RecordPatientLink { PatientId = integrationEvent.TargetPatientId, RecordId = recordId.Value, ViaMergeOf = integrationEvent.SourcePatientId });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task HandleAsync(IdentityUnmerged integrationEvent, Guid messageId, CancellationToken cancellationToken) =>
        db.PatientLinks
            .Where(l => l.PatientId == integrationEvent.TargetPatientId && l.ViaMergeOf == integrationEvent.SourcePatientId)
            .ExecuteDeleteAsync(cancellationToken);

    private async Task<Guid?> RecordOfAsync(Guid patientId, CancellationToken cancellationToken)
    {
        var link = await db.PatientLinks.AsNoTracking().SingleOrDefaultAsync(l => l.PatientId == patientId, cancellationToken);
        if (link is not null)
        {
            return link.RecordId;
        }

        var identity = await identities.FindAsync(patientId, cancellationToken);
        return identity?.Ins is { } ins
            ? await db.Records.Where(r => r.Ins == ins).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken)
            : null;
    }
}
