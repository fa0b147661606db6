using Microsoft.Extensions.Options;
using Socle.BuildingBlocks.Hosting;
using Socle.BuildingBlocks.Storage;
using Socle.Directory;
using Socle.Directory.Contracts;
using Socle.Identity;
using Socle.Identity.Contracts;

namespace Socle.Host.Composition;

/// <summary>
/// Creates or migrates every module's schema, then seeds the sandbox data if it is not there yet, and says so to
/// <see cref="PlatformReadiness"/>.
/// </summary>
public static partial class PlatformInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, bool seed, CancellationToken cancellationToken)
    {
        var readiness = services.GetRequiredService<PlatformReadiness>();
        try
        {
            await PrepareAsync(services, seed, cancellationToken);
        }
        catch (Exception ex)
        {
            readiness.MarkFailed(ex);
            throw;
        }

        readiness.MarkReady();
    }

    private static async Task PrepareAsync(IServiceProvider services, bool seed, CancellationToken cancellationToken)
    {
        foreach (var database in services.GetServices<IModuleDatabase>())
        {
            await database.MigrateAsync(cancellationToken);
        }

        if (!seed)
        {
            return;
        }

        // The two seeds side by side: the directory's is mostly reading and checking its extract files, which the
        // second core does while the identities are written (decision 0015).
        var directory = Task.Run(() => SeedDirectoryAsync(services, cancellationToken), cancellationToken);
        await Task.WhenAll(SeedIdentitiesAsync(services, cancellationToken), directory);
    }

    private static async Task SeedIdentitiesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var population = services.GetRequiredService<IOptions<IdentityOptions>>().Value.SandboxPopulation;
        if (population == 0)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISandboxIdentities>().SeedAsync(population, null, cancellationToken);
        if (result.Added > 0)
        {
            LogSeeded(services.GetRequiredService<ILoggerFactory>().CreateLogger("Socle.Startup"), result.Added);
        }
    }

    private static async Task SeedDirectoryAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var persons = services.GetRequiredService<IOptions<DirectoryOptions>>().Value.SandboxPersons;
        if (persons == 0)
        {
            return;
        }

        var workDirectory = Path.Combine(services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory, "sandbox", "directory");
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ISandboxDirectory>().SeedAsync(persons, workDirectory, cancellationToken);
        if (report is not null)
        {
            LogDirectorySeeded(services.GetRequiredService<ILoggerFactory>().CreateLogger("Socle.Startup"), persons, workDirectory);
        }
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Seeded the sandbox directory with {Count} professionals from the extract files in {Directory}")]
    private static partial void LogDirectorySeeded(ILogger logger, int count, string directory);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Seeded {Count} synthetic reference identities")]
    private static partial void LogSeeded(ILogger logger, long count);
}
