namespace Socle.Audit.Contracts;

/// <summary>Appends to the hash-chained audit log. Returns once the entry is durably written.</summary>
public interface IAuditTrail
{
    /// <summary>Records an access by the current caller.</summary>
    Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>Records an access by an explicitly named actor (for example before a caller is authenticated).</summary>
    Task RecordAsync(AuditEvent auditEvent, AuditActor actor, CancellationToken cancellationToken);
}
