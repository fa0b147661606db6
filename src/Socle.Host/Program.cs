using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Socle.Host.Composition;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });

// The working directory is the caller's (where ./data lives); the settings file ships next to the binaries.
// Inserted first, so that environment variables and the command line still override it.
var shippedSettings = new JsonConfigurationSource { Path = "appsettings.json", Optional = true, FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory) };
((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, shippedSettings);
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://127.0.0.1:8080");
PlatformComposition.ApplyDataDirectory(builder.Configuration, args);

builder.AddSocleWeb();
await using var app = builder.Build();
app.MapSocle();

// Prepare the schema and the sandbox data while the server starts (decision 0015): the two run on the two cores, and
// until the platform is ready every request but /health and /metrics gets a 503.
var preparing = Task.Run(() => PlatformInitializer.InitializeAsync(app.Services, seed: true, app.Lifetime.ApplicationStopping));
await app.StartAsync();
try
{
    await preparing;
}
catch (Exception) when (!app.Lifetime.ApplicationStopping.IsCancellationRequested)
{
    await app.StopAsync();
    throw;
}
catch (OperationCanceledException)
{
    // Stopped (Ctrl+C) while preparing: shut down normally.
    await app.WaitForShutdownAsync();
    return;
}

var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
foreach (var address in addresses)
{
    Console.WriteLine($"Socle is listening on {address} (health: {address}/health, FHIR: {address}/fhir/metadata)");
}

Console.WriteLine("Get a sandbox client: dotnet run --project src/Socle.Cli -- clients add --name my-app --organisation 540002698 --scopes \"identity.ins identity.read identity.write directory.read\"");
Console.WriteLine("Pick test patients:  dotnet run --project src/Socle.Cli -- sandbox identities --count 5");
await app.WaitForShutdownAsync();

/// <summary>Entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
