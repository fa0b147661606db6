using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests.Browser;

/// <summary>The host on a real loopback socket (SQLite), for a browser.</summary>
public sealed class BrowserHostFactory : SocleApiFactory
{
    private string? file;

    public override string Provider => "Sqlite";

    public string BaseAddress => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    protected override void StartHost()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    protected override Task<string> CreateDatabaseAsync()
    {
        file = Path.Combine(Path.GetTempPath(), $"socle-browser-{Guid.NewGuid():N}.db");
        return Task.FromResult($"Data Source={file};Pooling=true");
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteFiles.Delete(file);

        return Task.CompletedTask;
    }
}

/// <summary>The host and Debian's Chromium driven by Playwright, shared by a test class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public BrowserHostFactory Host { get; } = new();

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            throw new InvalidOperationException("Chromium is missing: run `apt-get install -y chromium` (scripts/test.sh does it).");
        }

        await ((IAsyncLifetime)Host).InitializeAsync();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await ((IAsyncLifetime)Host).DisposeAsync();
    }
}
