namespace Socle.Identity.Domain.Local;

/// <summary>One version of a local identity, kept so that merges, qualifications and corrections can be traced and undone.</summary>
internal sealed class LocalIdentityHistory
{
    public long Id { get; set; }

    public Guid IdentityId { get; set; }

    public int Version { get; set; }

    public long ChangedAtMs { get; set; }

    public string Change { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string SnapshotJson { get; set; } = string.Empty;
}
