namespace Socle.Identity.Contracts;

/// <summary>A merge was reversed: the source identity is active again.</summary>
public sealed record IdentityUnmerged(Guid EventId, string Organisation, Guid SourcePatientId, Guid TargetPatientId, DateTimeOffset OccurredAt);
