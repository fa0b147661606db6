using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Socle.BuildingBlocks.Storage;
using Socle.Connect.Contracts;
using Socle.Connect.Domain;
using Socle.Connect.Features.Discovery;
using Socle.Connect.Features.IssueToken;
using Socle.Connect.Security;
using Socle.Connect.Storage;

namespace Socle.Connect;

public static class ConnectModule
{
    /// <summary>Client registry and token service; usable without a web host (the CLI registers clients).</summary>
    public static IServiceCollection AddConnectModule(this IServiceCollection services)
    {
        services.AddOptions<ConnectOptions>().BindConfiguration(ConnectOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddModuleDbContext<ConnectDbContext>(ConnectDbContext.ModuleName);
        services.AddScoped<IClientRegistry, ClientRegistry>();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<IssuerResolver>();
        services.AddHttpContextAccessor();
        return services;
    }

    /// <summary>Bearer-token authentication of resource endpoints with Socle's own tokens.</summary>
    public static IServiceCollection AddConnectAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        services.AddAuthorization();
        return services;
    }

    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder routes)
    {
        IssueTokenEndpoint.Map(routes);
        DiscoveryEndpoints.Map(routes);
        return routes;
    }
}
