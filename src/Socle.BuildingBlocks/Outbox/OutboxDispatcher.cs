using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Socle.BuildingBlocks.Hosting;

namespace Socle.BuildingBlocks.Outbox;

/// <summary>
/// Delivers a module's outbox at least once to the in-process handlers. Several hosts may run it at once:
/// a message is claimed with a conditional update, so only one host delivers it at a time.
/// </summary>
public sealed partial class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IntegrationEventTypes types,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    PlatformReadiness readiness,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext, IOutboxDbContext
{
    private const int BatchSize = 50;
    private const int MaxAttempts = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        var interval = TimeSpan.FromMilliseconds(options.Value.PollIntervalMs);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDispatchFailed(logger, ex, typeof(TContext).Name);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Delivers what is pending now; returns how many messages were delivered.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ProcessedAtMs == null && m.Attempts < MaxAttempts && (m.LockedUntilMs == null || m.LockedUntilMs < now))
            .OrderBy(m => m.OccurredAtMs)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var delivered = 0;
        foreach (var id in candidates)
        {
            if (await DeliverAsync(scope.ServiceProvider, db, id, cancellationToken))
            {
                delivered++;
            }
        }

        return delivered;
    }

    private async Task<bool> DeliverAsync(IServiceProvider services, TContext db, Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var lease = now + 30_000;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.ProcessedAtMs == null && (m.LockedUntilMs == null || m.LockedUntilMs < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntilMs, lease), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            var type = types.TypeOf(message.Type) ?? throw new InvalidOperationException($"Unknown integration event type '{message.Type}'.");
            var payload = JsonSerializer.Deserialize(message.Payload, type) ?? throw new InvalidOperationException("Empty payload.");
            var handlerType = typeof(IIntegrationEventHandler<>).MakeGenericType(type);
            foreach (var handler in services.GetServices(handlerType))
            {
                var task = (Task)handlerType.GetMethod("HandleAsync")!.Invoke(handler, [payload, message.Id, cancellationToken])!;
                await task;
            }

            var done = clock.GetUtcNow().ToUnixTimeMilliseconds();
            await db.OutboxMessages.Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAtMs, done).SetProperty(m => m.LockedUntilMs, (long?)null), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDeliveryFailed(logger, ex, message.Id, message.Type);
            var retryAt = clock.GetUtcNow().ToUnixTimeMilliseconds() + (1000L << Math.Min(message.Attempts, 10));
            var error = ex.GetBaseException().Message;
            await db.OutboxMessages.Where(m => m.Id == id)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1)
                        .SetProperty(m => m.LastError, error[..Math.Min(error.Length, 1000)])
                        .SetProperty(m => m.LockedUntilMs, retryAt),
                    cancellationToken);
            return false;
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Outbox dispatch of {Context} failed")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string context);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Delivery of outbox message {MessageId} ({Type}) failed; it will be retried")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, Guid messageId, string type);
}
