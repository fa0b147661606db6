using Socle.Identity.Domain.Local;

namespace Socle.Identity.Features.Shared;

internal static class PatientAudit
{
    public static Task RecordAsync(this IAuditTrail audit, string action, LocalIdentity identity, CancellationToken cancellationToken, string? detail = null) =>
        audit.RecordAsync(new AuditEvent(action, "Patient", identity.Id.ToString("N"), identity.Id.ToString("N"), AuditOutcome.Success, detail), cancellationToken);

    public static Task RecordAllAsync(this IAuditTrail audit, string action, IEnumerable<LocalIdentity> identities, CancellationToken cancellationToken) =>
        Task.WhenAll(identities.Select(i => audit.RecordAsync(action, i, cancellationToken)));
}
