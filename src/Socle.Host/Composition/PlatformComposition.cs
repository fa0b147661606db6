using Socle.Audit;
using Socle.BuildingBlocks.Hosting;
using Socle.BuildingBlocks.Outbox;
using Socle.BuildingBlocks.Security;
using Socle.BuildingBlocks.Storage;
using Socle.Connect;
using Socle.Directory;
using Socle.Identity;
using Socle.Record;

namespace Socle.Host.Composition;

/// <summary>The modules and shared mechanisms, the same for the web host and the CLI.</summary>
public static class PlatformComposition
{
    public static IServiceCollection AddSoclePlatform(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PlatformReadiness>();
        services.AddSocleStorage();
        services.AddOutboxCore();
        services.AddSingleton<ScopeCatalog>();
        services.AddAuditModule();
        services.AddConnectModule();
        services.AddIdentityModule();
        services.AddDirectoryModule();
        services.AddRecordModule();
        return services;
    }

    /// <summary>
    /// Maps <c>--data-dir</c> and <c>SOCLE_DATA_DIR</c> to <c>Socle:Storage:DataDirectory</c> and returns the
    /// remaining arguments; the web host and the CLI read the same settings, so they see the same data.
    /// </summary>
    public static string[] ApplyDataDirectory(IConfigurationBuilder configuration, string[] args)
    {
        var remaining = new List<string>();
        string? dataDir = Environment.GetEnvironmentVariable("SOCLE_DATA_DIR");
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--data-dir" && i + 1 < args.Length)
            {
                dataDir = args[++i];
            }
            else if (args[i].StartsWith("--data-dir=", StringComparison.Ordinal))
            {
                dataDir = args[i]["--data-dir=".Length..];
            }
            else
            {
                remaining.Add(args[i]);
            }
        }

        if (!string.IsNullOrWhiteSpace(dataDir))
        {
            configuration.AddInMemoryCollection([new KeyValuePair<string, string?>($"{StorageOptions.SectionName}:DataDirectory", dataDir)]);
        }

        return remaining.ToArray();
    }
}
