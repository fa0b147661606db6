using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Socle.BuildingBlocks.Security;
using Socle.BuildingBlocks.Storage;
using Socle.Connect.Accounts;
using Socle.Connect.Contracts;
using Socle.Connect.Domain;
using Socle.Connect.Oidc;
using Socle.Connect.Security;
using Socle.Connect.Storage;

namespace Socle.Connect;

public static class ConnectModule
{
    private const string DataProtectionWarmUp = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    /// <summary>Client registry, accounts and token service; usable without a web host (the CLI registers clients and accounts).</summary>
    public static IServiceCollection AddConnectModule(this IServiceCollection services)
    {
        services.AddOptions<ConnectOptions>().BindConfiguration(ConnectOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddModuleDbContext<ConnectDbContext>(ConnectDbContext.ModuleName);
        services.AddSingleton(new ScopeDefinition(TokenService.OpenIdScope, "OpenID Connect login: an ID token and userinfo"));
        services.AddSingleton(new ScopeDefinition("profile", "The person's names and identifiers in userinfo"));
        services.AddSingleton(new ScopeDefinition("scope_all", "Every Pro Santé Connect claim in userinfo (SubjectRefPro...)"));
        services.AddScoped<IClientRegistry, ClientRegistry>();
        services.AddScoped<IAccountAdministration, AccountAdministration>();
        services.AddScoped<IPatientMessaging, PatientMessaging>();
        services.TryAddSingleton<IAccountMessageSender, FileOutboxSender>();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<TokenSigner>();
        services.AddSingleton<IssuerResolver>();
        services.AddScoped<SandboxCredentials>();
        services.AddScoped<PersonClaimsBuilder>();
        services.AddScoped<GrantStore>();
        services.AddScoped<TokenService>();
        services.AddSingleton<RevokedFamilies>();
        services.AddSingleton<ClientCache>();
        services.AddHttpContextAccessor();
        return services;
    }

    /// <summary>Bearer tokens for resource endpoints, the login cookies of the Connect pages, shared data-protection keys.</summary>
    public static IServiceCollection AddConnectAuthentication(this IServiceCollection services)
    {
        var authentication = services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        ConnectCookies.Configure(authentication);
        services.AddSingleton(sp => new CachingJsonWebTokenHandler(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ConnectOptions>>().Value.ValidatedTokenCacheSize));
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        services.AddHostedService<RevokedFamiliesRefresher>();
        services.AddAuthorization();
        services.AddDataProtection().SetApplicationName("socle");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        services.AddScoped<ClientAuthenticator>();
        services.AddScoped<JwtAssertionValidator>();
        services.AddScoped<TokenGrants>();
        services.AddScoped<ConnectAudit>();
        services.AddScoped<LoginThrottle>();
        services.AddScoped<AccountService>();
        services.AddRazorPages();

        // French pages: letters with accents stay as they are in the HTML instead of numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    /// <summary>
    /// Called last by the composition root, once every registration that adds data protection is done. The framework's
    /// warm-up reads the key ring from the database as the host starts, which on a first start is before the schema
    /// exists (decision 0015) and logs an error; the first request that needs a key reads the ring instead.
    /// </summary>
    public static IServiceCollection DeferKeyRingLoading(this IServiceCollection services)
    {
        foreach (var warmUp in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == DataProtectionWarmUp).ToList())
        {
            services.Remove(warmUp);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder routes)
    {
        TokenEndpoint.Map(routes);
        DiscoveryEndpoints.Map(routes);
        AuthorizeEndpoint.Map(routes);
        UserinfoEndpoint.Map(routes);
        IntrospectionEndpoints.Map(routes);
        return routes;
    }
}
