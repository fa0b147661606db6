using Socle.Audit.Contracts;
using Socle.Audit.Storage;
using Socle.BuildingBlocks.Security;

namespace Socle.Audit.Domain;

internal sealed class AuditTrail(AuditWriter writer, ICallerContext caller, TimeProvider clock) : IAuditTrail
{
    public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken) =>
        RecordAsync(auditEvent, new AuditActor(caller.ClientId, caller.Organisation, caller.PersonId, caller.Purpose, caller.SourceAddress), cancellationToken);

    public Task RecordAsync(AuditEvent auditEvent, AuditActor actor, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry
        {
            OccurredAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            ClientId = actor.ClientId,
            Organisation = actor.Organisation,
            PersonId = actor.PersonId,
            Action = auditEvent.Action,
            ResourceType = auditEvent.ResourceType,
            ResourceId = auditEvent.ResourceId,
            PatientId = auditEvent.PatientId,
            Purpose = actor.Purpose,
            Outcome = auditEvent.Outcome.ToString(),
            Detail = auditEvent.Detail,
            SourceAddress = actor.SourceAddress,
        };
        return writer.AppendAsync(entry, cancellationToken);
    }
}
