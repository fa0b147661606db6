using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Socle.BuildingBlocks.Outbox;

/// <summary>Adds an event to a module's outbox; it is saved by the caller's own SaveChanges, in the same transaction.</summary>
public sealed class Outbox(IntegrationEventTypes types, TimeProvider clock)
{
    public void Enqueue<TEvent>(IOutboxDbContext db, TEvent integrationEvent)
        where TEvent : class
    {
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Type = types.NameOf(typeof(TEvent)),
            Payload = JsonSerializer.Serialize(integrationEvent),
            OccurredAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        });
    }

    public static void Configure(ModelBuilder modelBuilder, string module)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable($"{module}_outbox");
            e.HasKey(m => m.Id);
            e.Property(m => m.Type).HasMaxLength(200);
            e.HasIndex(m => new { m.ProcessedAtMs, m.OccurredAtMs });
        });
    }
}
