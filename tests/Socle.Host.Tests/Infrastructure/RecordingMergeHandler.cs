using System.Collections.Concurrent;
using Socle.BuildingBlocks.Outbox;
using Socle.Identity.Contracts;

namespace Socle.Host.Tests.Infrastructure;

/// <summary>A consumer of IdentityMerged, as the Record module will be: idempotent on the message id.</summary>
public sealed class RecordingMergeHandler : IIntegrationEventHandler<IdentityMerged>
{
    private readonly ConcurrentDictionary<Guid, IdentityMerged> received = new();

    public IReadOnlyCollection<IdentityMerged> Received => received.Values.ToList();

    public Task HandleAsync(IdentityMerged integrationEvent, Guid messageId, CancellationToken cancellationToken)
    {
        received.TryAdd(messageId, integrationEvent);
        return Task.CompletedTask;
    }

    public async Task<IdentityMerged> WaitForAsync(Guid sourcePatientId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = received.Values.FirstOrDefault(e => e.SourcePatientId == sourcePatientId);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No IdentityMerged event for {sourcePatientId} within {timeout}.");
    }
}
