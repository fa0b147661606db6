namespace Socle.Audit.Contracts;

/// <summary>One entry of the audit log as read back (for example to show a patient the accesses to their record).</summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset OccurredAt,
    string ClientId,
    string Organisation,
    string? PersonId,
    string Action,
    string ResourceType,
    string? ResourceId,
    string? PatientId,
    string Purpose,
    AuditOutcome Outcome,
    string? Detail);
