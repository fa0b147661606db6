using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Socle.BuildingBlocks.Storage;

public static class StorageConfiguration
{
    /// <summary>
    /// Points a module's DbContext at the configured store. Read from the service provider (not eagerly)
    /// so that test hosts can override the settings.
    /// </summary>
    public static DbContextOptionsBuilder UseSocleStorage(this DbContextOptionsBuilder options, IServiceProvider services, string module)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var connectionString = ConnectionString(services.GetRequiredService<IConfiguration>(), storage);
        if (storage.IsPostgres)
        {
            options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("ef_migrations", module));
        }
        else
        {
            SqliteRuntime.EnsureConfigured();
            options.UseSqlite(connectionString, o => o.MigrationsHistoryTable($"{module}_ef_migrations"));
            options.AddInterceptors(SqlitePragmaInterceptor.Instance, SqliteWriteGate.Instance);
        }

        // Migrations are hand-written (no EF Design package on the mirror), so there is no model snapshot.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return options;
    }

    public static string ConnectionString(IConfiguration configuration, StorageOptions storage)
    {
        var configured = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        if (storage.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions), ["ConnectionStrings:Socle is required when Socle:Storage:Provider is Postgres."]);
            }

            // Unless the operator chose otherwise (decisions 0010 and 0023):
            // - planning costs as much as running Socle's indexed lookups: let Npgsql prepare the statements a
            //   connection repeats (0 behind a transaction-mode pooler);
            // - Socle keeps no session state (only SET LOCAL, transaction-level locks, temporary tables dropped on
            //   commit), so a pooled connection is not reset on its return: the reset is seven statements on the
            //   next command of every request.
            // The builder writes back the settings it was given under their canonical names, whatever spelling was used.
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
            var given = builder.ConnectionString;
            if (!given.Contains("Max Auto Prepare=", StringComparison.OrdinalIgnoreCase))
            {
                builder.MaxAutoPrepare = 64;
            }

            if (!given.Contains("No Reset On Close=", StringComparison.OrdinalIgnoreCase))
            {
                builder.NoResetOnClose = true;
            }

            return builder.ConnectionString;
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        Directory.CreateDirectory(storage.DataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetFullPath(storage.DataDirectory), "socle.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public static IServiceCollection AddSocleStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<SqliteGroupCommit>();
        return services;
    }
}
