using Microsoft.Extensions.Hosting;

namespace Socle.BuildingBlocks.Outbox;

internal sealed class ConditionalHostedService(IHostedService inner, bool enabled) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => enabled ? inner.StartAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => enabled ? inner.StopAsync(cancellationToken) : Task.CompletedTask;
}
