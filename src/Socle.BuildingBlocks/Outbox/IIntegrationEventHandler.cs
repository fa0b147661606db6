namespace Socle.BuildingBlocks.Outbox;

/// <summary>
/// Reacts to an integration event. Delivery is at least once: a handler must be idempotent
/// (the same <paramref name="messageId"/> may arrive again after a crash).
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : class
{
    Task HandleAsync(TEvent integrationEvent, Guid messageId, CancellationToken cancellationToken);
}
