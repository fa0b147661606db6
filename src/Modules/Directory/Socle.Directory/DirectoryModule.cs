using Microsoft.Extensions.DependencyInjection;
using Socle.BuildingBlocks.Fhir.Capability;
using Socle.BuildingBlocks.Storage;
using Socle.Directory.Features;
using Socle.Directory.Import;
using Socle.Directory.Lookup;
using Socle.Directory.Sandbox;
using Socle.Directory.Storage;

namespace Socle.Directory;

public static class DirectoryModule
{
    public static IServiceCollection AddDirectoryModule(this IServiceCollection services)
    {
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddModuleDbContext<DirectoryDbContext>(DirectoryDbContext.ModuleName);
        services.AddSingleton(new ScopeDefinition(DirectoryScopes.Read, "Read and search the directory: Practitioner, PractitionerRole, Organization, MSSanté mailboxes"));
        services.AddSingleton<IFhirCapabilityContributor, DirectoryCapabilities>();

        services.AddSingleton<DirectorySnapshot>();
        services.AddSingleton<DirectoryLookupCache>();
        services.AddHostedService<SnapshotWatcher>();
        services.AddSingleton<DirectoryGenerator>();
        services.AddScoped<IDirectory, DirectoryLookup>();
        services.AddScoped<IDirectoryImport, DirectoryImporter>();
        services.AddScoped<ISandboxDirectory, SandboxDirectory>();
        return services;
    }

    public static IEndpointRouteBuilder MapDirectoryEndpoints(this IEndpointRouteBuilder builder)
    {
        PractitionerEndpoints.Map(builder);
        PractitionerRoleEndpoints.Map(builder);
        OrganizationEndpoints.Map(builder);
        return builder;
    }
}
