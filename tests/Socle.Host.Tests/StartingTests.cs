using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Socle.BuildingBlocks.Hosting;
using Socle.BuildingBlocks.Storage;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests;

/// <summary>
/// The host listens while it prepares its storage (decision 0015): until then it answers 503 with Retry-After, in each
/// interface's own error format, except for /health (which says "starting") and /metrics.
/// </summary>
public sealed class StartingTests : IAsyncLifetime
{
    private readonly HeldMigration held = new();
    private readonly ErrorLog errors = new();
    private readonly string file = Path.Combine(Path.GetTempPath(), $"socle-starting-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program> factory = null!;

    public Task InitializeAsync()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Socle", $"Data Source={file}");
            b.UseSetting("Socle:Storage:DataDirectory", Path.GetTempPath());
            b.UseSetting("Socle:Identity:SandboxPopulation", "0");
            b.UseSetting("Socle:Directory:SandboxPersons", "0");
            b.ConfigureLogging(l => l.AddProvider(errors));

            // First of the module databases: while it is held, no table exists yet.
            b.ConfigureServices(s => s.Insert(0, ServiceDescriptor.Singleton<IModuleDatabase>(held)));
        });
        _ = factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        held.Release();
        await factory.DisposeAsync();
        SqliteFiles.Delete(file);
    }

    [Fact]
    public async Task WhilePreparing_RequestsAre503WithRetryAfter_InTheirInterfaceFormat()
    {
        await held.Reached;
        var client = factory.CreateClient();
        Assert.False(factory.Services.GetRequiredService<PlatformReadiness>().IsReady);

        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("1", health.Headers.GetValues("Retry-After").Single());
        using (var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync()))
        {
            Assert.Equal("starting", json.RootElement.GetProperty("status").GetString());
        }

        using var fhir = await client.GetAsync("/fhir/metadata");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, fhir.StatusCode);
        Assert.Equal("1", fhir.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/fhir+json", fhir.Content.Headers.ContentType?.MediaType);
        using (var outcome = JsonDocument.Parse(await fhir.Content.ReadAsStringAsync()))
        {
            var issue = outcome.RootElement.GetProperty("issue")[0];
            Assert.Equal("transient", issue.GetProperty("code").GetString());
            Assert.Equal("SOCLE-0012", issue.GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString());
        }

        using var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent([new("grant_type", "client_credentials")]));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, token.StatusCode);
        Assert.Equal("application/problem+json", token.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await token.Content.ReadAsStringAsync()))
        {
            Assert.Equal("SOCLE-0012", problem.RootElement.GetProperty("code").GetString());
        }

        using var metrics = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);

        // Nothing that started with the server touched storage before it existed (background services, key ring).
        Assert.Empty(errors.Entries);

        held.Release();
        await factory.Services.GetRequiredService<PlatformReadiness>().WhenReady;
        using var ready = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var served = await client.GetAsync("/fhir/metadata");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Empty(errors.Entries);
    }

    /// <summary>Every log entry of level Error or above, whatever its category.</summary>
    private sealed class ErrorLog : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    entries.Enqueue($"{category}: {formatter(state, exception)}");
                }
            }
        }
    }

    /// <summary>A module database whose migration waits for the test, so that the host stays in its preparing state.</summary>
    private sealed class HeldMigration : IModuleDatabase
    {
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => reached.Task;

        public void Release() => release.TrySetResult();

        public async Task MigrateAsync(CancellationToken cancellationToken)
        {
            reached.TrySetResult();
            await release.Task.WaitAsync(cancellationToken);
        }

        public Task<bool> CanConnectAsync(CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
