using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Socle.BuildingBlocks.Hosting;
using Socle.BuildingBlocks.Security;

namespace Socle.Bench;

/// <summary>
/// The real host on a real socket, with one extra endpoint for the baseline: it authenticates the bearer token and
/// checks a scope, then answers 204 without touching data.
/// </summary>
internal sealed class BenchHost(string provider, string connection) : WebApplicationFactory<Program>
{
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public void Start()
    {
        // Outside a test project WebApplicationFactory cannot guess the content root: the host's files are here.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SOCLE_HOST", AppContext.BaseDirectory);
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();

        // The host listens before its schema is ready (decision 0015): measure only once it is.
        Services.GetRequiredService<PlatformReadiness>().WhenReady.GetAwaiter().GetResult();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // As deployed: WebApplicationFactory's default, Development, adds the developer exception page and checks every
        // service resolution against its scope.
        builder.UseEnvironment("Production");
        builder.UseSetting("Socle:Storage:Provider", provider);
        builder.UseSetting("ConnectionStrings:Socle", connection);
        builder.UseSetting("Socle:Identity:SandboxPopulation", "0");
        builder.UseSetting("Socle:Directory:SandboxPersons", "0");
        builder.ConfigureLogging(l => l.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, EmptyEndpointFilter>());
    }

    private sealed class EmptyEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not app.Map: a branch moves the path into PathBase, and the issuer is derived from the base address.
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != "/bench/empty")
                {
                    await nextMiddleware(context);
                    return;
                }

                var result = await context.AuthenticateAsync();
                var scopes = ScopeSet.Parse(result.Principal?.FindFirst(SocleClaims.Scope)?.Value);
                context.Response.StatusCode = !result.Succeeded ? 401 : scopes.Contains("identity.read") ? 204 : 403;
            });
            next(app);
        };
    }
}
