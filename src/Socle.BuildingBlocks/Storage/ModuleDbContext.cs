using Microsoft.EntityFrameworkCore;

namespace Socle.BuildingBlocks.Storage;

/// <summary>
/// A module's DbContext: its own PostgreSQL schema; on SQLite (no schemas) the module prefix on every table name
/// keeps modules apart in the one file.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The module's schema on PostgreSQL and its table prefix everywhere (for example "identity").</summary>
    protected abstract string Module { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            modelBuilder.HasDefaultSchema(Module);
        }

        ConfigureModel(modelBuilder);
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);
}
