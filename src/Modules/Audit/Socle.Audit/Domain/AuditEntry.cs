namespace Socle.Audit.Domain;

internal sealed class AuditEntry
{
    public long Sequence { get; set; }

    public long OccurredAtMs { get; set; }

    public string ClientId { get; set; } = string.Empty;

    public string Organisation { get; set; } = string.Empty;

    public string? PersonId { get; set; }

    public string Action { get; set; } = string.Empty;

    public string ResourceType { get; set; } = string.Empty;

    public string? ResourceId { get; set; }

    public string? PatientId { get; set; }

    public string Purpose { get; set; } = string.Empty;

    public string Outcome { get; set; } = string.Empty;

    public string? Detail { get; set; }

    public string? SourceAddress { get; set; }

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;
}
