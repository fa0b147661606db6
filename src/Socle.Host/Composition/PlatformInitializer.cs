using Microsoft.Extensions.Options;
using Socle.BuildingBlocks.Storage;
using Socle.Identity;
using Socle.Identity.Contracts;

namespace Socle.Host.Composition;

/// <summary>Creates or migrates every module's schema, then seeds the sandbox data if it is not there yet.</summary>
public static partial class PlatformInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, bool seed, CancellationToken cancellationToken)
    {
        foreach (var database in services.GetServices<IModuleDatabase>())
        {
            await database.MigrateAsync(cancellationToken);
        }

        if (!seed)
        {
            return;
        }

        var population = services.GetRequiredService<IOptions<IdentityOptions>>().Value.SandboxPopulation;
        if (population > 0)
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ISandboxIdentities>().SeedAsync(population, null, cancellationToken);
            if (result.Added > 0)
            {
                LogSeeded(services.GetRequiredService<ILoggerFactory>().CreateLogger("Socle.Startup"), result.Added);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Seeded {Count} synthetic reference identities")]
    private static partial void LogSeeded(ILogger logger, long count);
}
