using Microsoft.EntityFrameworkCore;

namespace Socle.BuildingBlocks.Outbox;

public interface IOutboxDbContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }
}
