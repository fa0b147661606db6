namespace Socle.BuildingBlocks.Outbox;

/// <summary>An integration event waiting in a module's outbox table, written in the same transaction as the change.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public string Type { get; set; } = string.Empty;

    public string Payload { get; set; } = string.Empty;

    public long OccurredAtMs { get; set; }

    public long? ProcessedAtMs { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>A dispatcher that claimed the message owns it until then (several hosts may run).</summary>
    public long? LockedUntilMs { get; set; }
}
