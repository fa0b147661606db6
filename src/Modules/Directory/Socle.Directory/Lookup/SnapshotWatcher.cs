using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Socle.BuildingBlocks.Hosting;
using Socle.Directory.Storage;

namespace Socle.Directory.Lookup;

/// <summary>Notices snapshots published by other processes, so that this one's cache does not outlive them.</summary>
internal sealed partial class SnapshotWatcher(
    IServiceScopeFactory scopes, DirectorySnapshot snapshot, IOptions<DirectoryOptions> options, PlatformReadiness readiness, TimeProvider clock, ILogger<SnapshotWatcher> logger)
    : BackgroundService
{
    public static async Task<long> LatestAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        await db.Imports.Where(x => x.Status == "published").MaxAsync(x => (long?)x.Id, cancellationToken) ?? 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.SnapshotCheckIntervalMs), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                snapshot.Published(await LatestAsync(scope.ServiceProvider.GetRequiredService<DirectoryDbContext>(), stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly unavailable (start-up, restart): the next tick tries again.
                LogCheckFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Could not check for a new directory snapshot")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
