namespace Socle.Identity.Contracts;

/// <summary>A duplicate identity was merged into a survivor: data keyed by the source must now follow the target.</summary>
public sealed record IdentityMerged(Guid EventId, string Organisation, Guid SourcePatientId, Guid TargetPatientId, DateTimeOffset OccurredAt);
