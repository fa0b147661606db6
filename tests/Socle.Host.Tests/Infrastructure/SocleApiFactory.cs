using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Socle.BuildingBlocks.Hosting;
using Socle.BuildingBlocks.Outbox;
using Socle.Identity.Contracts;

namespace Socle.Host.Tests.Infrastructure;

/// <summary>The real host over HTTP on one storage provider; each test class gets its own database.</summary>
public abstract class SocleApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int SandboxPopulation = 3_000;

    public const int SandboxDirectoryPersons = 300;

    private string? connectionString;

    public abstract string Provider { get; }

    /// <summary>Each factory's own data directory (sandbox extracts, outbox), so that parallel classes never share files.</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"socle-test-data-{Guid.NewGuid():N}");

    public RecordingMergeHandler MergeEvents { get; } = new();

    /// <summary>How many professionals the host's sandbox directory seeds on first start (0: none, the directory stays empty).</summary>
    protected virtual int DirectoryPersons => SandboxDirectoryPersons;

    public async Task InitializeAsync()
    {
        connectionString = await CreateDatabaseAsync();
        StartHost();

        // The host listens before its schema and sandbox data are ready (decision 0015); tests start once they are.
        await Services.GetRequiredService<PlatformReadiness>().WhenReady;
    }

    /// <summary>Starts the in-memory test server; a browser fixture starts Kestrel on a real socket instead.</summary>
    protected virtual void StartHost() => _ = Server;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DropDatabaseAsync();
        if (System.IO.Directory.Exists(DataDirectory))
        {
            System.IO.Directory.Delete(DataDirectory, recursive: true);
        }
    }

    protected abstract Task<string> CreateDatabaseAsync();

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Socle:Storage:Provider", Provider);
        builder.UseSetting("Socle:Storage:DataDirectory", DataDirectory);
        builder.UseSetting("ConnectionStrings:Socle", connectionString);
        builder.UseSetting("Socle:Identity:SandboxPopulation", SandboxPopulation.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Socle:Outbox:PollIntervalMs", "50");
        builder.UseSetting("Socle:Directory:SandboxPersons", DirectoryPersons.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Socle:Directory:SnapshotCheckIntervalMs", "200");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IIntegrationEventHandler<IdentityMerged>>(MergeEvents);
        });
    }
}

public class SqliteApiFactory : SocleApiFactory
{
    private string? file;

    public override string Provider => "Sqlite";

    protected override Task<string> CreateDatabaseAsync()
    {
        file = Path.Combine(Path.GetTempPath(), $"socle-test-{Guid.NewGuid():N}.db");
        return Task.FromResult($"Data Source={file};Pooling=true");
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteFiles.Delete(file);

        return Task.CompletedTask;
    }
}

public class PostgresApiFactory : SocleApiFactory
{
    public override string Provider => "Postgres";

    protected override Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync();
}
