namespace Socle.Audit.Contracts;

/// <summary>
/// One access to personal data. Ids are internal ids, never direct identifiers (no NIR, no names).
/// </summary>
/// <param name="Action">What was done, as <c>module.verb</c> (for example <c>identity.read</c>).</param>
/// <param name="ResourceType">The FHIR resource type or internal entity touched.</param>
/// <param name="ResourceId">The internal id of what was touched, when there is one.</param>
/// <param name="PatientId">The internal id of the patient whose data it is, when there is one.</param>
/// <param name="Outcome">Whether the access succeeded.</param>
/// <param name="Detail">A short, non-identifying detail (an error code, a result code, a count).</param>
public sealed record AuditEvent(
    string Action,
    string ResourceType,
    string? ResourceId,
    string? PatientId,
    AuditOutcome Outcome,
    string? Detail = null);
