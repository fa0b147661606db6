using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Socle.BuildingBlocks.Hosting;
using Socle.Connect.Storage;

namespace Socle.Connect.Security;

/// <summary>Keeps <see cref="RevokedFamilies"/> current with the revocations other processes record.</summary>
internal sealed partial class RevokedFamiliesRefresher(
    IServiceScopeFactory scopes, RevokedFamilies revoked, IOptions<ConnectOptions> options, PlatformReadiness readiness, ILogger<RevokedFamiliesRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);

        // Real time, not the injected clock: how fresh the list is does not depend on a test's clock.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.RevocationCheckIntervalMs));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await revoked.RefreshAsync(scope.ServiceProvider.GetRequiredService<ConnectDbContext>(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Bearer checks fall back to the database while the list is not current; the next tick tries again.
                LogRefreshFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Could not read the revoked token families; bearer checks ask the database meanwhile")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
