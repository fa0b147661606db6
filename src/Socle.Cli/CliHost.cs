using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Socle.BuildingBlocks.Outbox;
using Socle.BuildingBlocks.Security;
using Socle.Host.Composition;

namespace Socle.Cli;

/// <summary>The same modules and settings as the web host, without the web: commands and the host see the same data.</summary>
internal static class CliHost
{
    public static async Task<IHost> StartAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(
        [
            new KeyValuePair<string, string?>($"{OutboxOptions.SectionName}:DispatchInBackground", "false"),

            // Commands print their own results: only warnings and errors are logged.
            new KeyValuePair<string, string?>("Logging:LogLevel:Default", "Warning"),
        ]);
        PlatformComposition.ApplyDataDirectory(builder.Configuration, args);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSoclePlatform();
        builder.Services.AddSingleton<OperatorCallerContext>();
        builder.Services.AddSingleton<ICallerContext>(sp => sp.GetRequiredService<OperatorCallerContext>());
        var host = builder.Build();
        await PlatformInitializer.InitializeAsync(host.Services, seed: false, cancellationToken);
        return host;
    }
}
