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

    /// <summary>The embedded SQLite file, where this process's write transactions queue on <see cref="SqliteWriteGate"/>.</summary>
    public bool IsSqlite => Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;

    public bool IsPostgres => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>A module table's quoted name in hand-written SQL: in the module's schema on PostgreSQL, bare on SQLite.</summary>
    public static string QuotedTable(bool postgres, string module, string table) =>
        postgres ? $"\"{module}\".\"{table}\"" : $"\"{table}\"";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (IsPostgres)
        {
            modelBuilder.HasDefaultSchema(Module);
        }

        ConfigureModel(modelBuilder);
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);
}
