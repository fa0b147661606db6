using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Socle.BuildingBlocks.Fhir.Capability;
using Socle.BuildingBlocks.Outbox;
using Socle.BuildingBlocks.Security;
using Socle.BuildingBlocks.Storage;
using Socle.Identity.Contracts;
using Socle.Identity.Features.Insi;
using Socle.Identity.Features.Patients;
using Socle.Identity.Features.Shared;
using Socle.Identity.Sandbox;
using Socle.Identity.Storage;

namespace Socle.Identity;

public static class IdentityModule
{
    public static IServiceCollection AddIdentityModule(this IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddModuleDbContext<IdentityDbContext>(IdentityDbContext.ModuleName);
        services.AddOutboxFor<IdentityDbContext>();
        services.AddIntegrationEvent<IdentityMerged>("identity.merged");
        services.AddIntegrationEvent<IdentityUnmerged>("identity.unmerged");
        services.AddSingleton(new ScopeDefinition(IdentityScopes.Ins, "INSi teleservice: $ins-retrieve and $ins-verify"));
        services.AddSingleton(new ScopeDefinition(IdentityScopes.Read, "Read and search the organisation's identity repository, PIXm, $match"));
        services.AddSingleton(new ScopeDefinition(IdentityScopes.Write, "Create, update, qualify and merge identities"));
        services.AddSingleton<IFhirCapabilityContributor, IdentityCapabilities>();

        services.AddSingleton<IdentityMetrics>();
        services.AddSingleton<RetrievalIds>();
        services.AddSingleton<ReferenceQueries>();
        services.AddSingleton<PatientSearchQueries>();
        services.AddScoped<InsiTeleservice>();
        services.AddScoped<LocalIdentityStore>();
        services.AddScoped<DuplicateFinder>();
        services.AddScoped<ReferenceBulkWriter>();
        services.AddScoped<IPatientIdentities, PatientIdentities>();
        services.AddScoped<ISandboxIdentities, SandboxIdentities>();
        services.AddScoped<IIdentityReverification, IdentityReverification>();
        services.AddScoped<IIdentityDuplicateScan, IdentityDuplicateScan>();
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder builder)
    {
        var routes = builder.MapGroup(string.Empty).AddEndpointFilter<AuditRefusalsFilter>().AddEndpointFilter<StaffOnlyFilter>();
        InsRetrieveEndpoint.Map(routes);
        InsVerifyEndpoint.Map(routes);
        MatchPatientsEndpoint.Map(routes);
        MergePatientsEndpoints.Map(routes);
        PixQueryEndpoint.Map(routes);
        SearchPatientsEndpoint.Map(routes);
        CreatePatientEndpoint.Map(routes);
        ReadPatientEndpoint.Map(routes);
        UpdatePatientEndpoint.Map(routes);
        AttachInsEndpoint.Map(routes);
        ValidateIdentityEndpoint.Map(routes);
        return builder;
    }
}
