using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Socle.BuildingBlocks.Storage;

/// <summary>A module DbContext whose migrations are applied at start-up (host and CLI alike).</summary>
public interface IModuleDatabase
{
    Task MigrateAsync(CancellationToken cancellationToken);

    Task<bool> CanConnectAsync(CancellationToken cancellationToken);
}

internal sealed class ModuleDatabase<TContext>(IServiceScopeFactory scopes) : IModuleDatabase
    where TContext : DbContext
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();

        // Creating the history table first spares PostgreSQL an error log when EF probes a table that is not there yet.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true)
        {
            // SQLite has no autovacuum-analyze: refresh the planner statistics of tables that changed much.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", cancellationToken);
        }
    }

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await db.Database.CanConnectAsync(cancellationToken);
    }
}

public static class ModuleDatabaseRegistration
{
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string module)
        where TContext : DbContext
    {
        services.AddDbContextPool<TContext>((sp, options) => options.UseSocleStorage(sp, module));
        services.AddSingleton<IModuleDatabase, ModuleDatabase<TContext>>();
        return services;
    }
}
