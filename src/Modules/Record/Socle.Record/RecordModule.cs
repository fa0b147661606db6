using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Socle.BuildingBlocks.Fhir.Capability;
using Socle.BuildingBlocks.Outbox;
using Socle.BuildingBlocks.Storage;
using Socle.Identity.Contracts;
using Socle.Record.Access;
using Socle.Record.Features;
using Socle.Record.Storage;

namespace Socle.Record;

public static class RecordModule
{
    public static IServiceCollection AddRecordModule(this IServiceCollection services)
    {
        services.AddOptions<RecordOptions>().BindConfiguration(RecordOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddModuleDbContext<RecordDbContext>(RecordDbContext.ModuleName);
        services.AddSingleton(new ScopeDefinition(RecordScopes.Read, "Find and read documents of the shared medical record (DMP), under its access rules"));
        services.AddSingleton(new ScopeDefinition(RecordScopes.Write, "Deposit and manage documents, authorisations and break-the-glass in the shared medical record"));
        services.AddSingleton<IFhirCapabilityContributor, RecordCapabilities>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RecordOptions>>().Value.AccessMatrixFile is { Length: > 0 } file
            ? AccessMatrix.FromFile(file)
            : AccessMatrix.Default());
        services.AddSingleton<AccessPolicy>();
        services.AddHttpContextAccessor();
        services.AddScoped<RecordAccess>();
        services.AddSingleton<RecordLookups>();
        services.AddSingleton<DepositWriter>();
        services.AddScoped<RecordTraces>();
        services.AddScoped<RecordDocuments>();
        services.AddScoped<IRecordAdministration, RecordAdministration>();
        services.AddScoped<IIntegrationEventHandler<IdentityMerged>, IdentityMergeHandlers>();
        services.AddScoped<IIntegrationEventHandler<IdentityUnmerged>, IdentityMergeHandlers>();
        return services;
    }

    public static IEndpointRouteBuilder MapRecordEndpoints(this IEndpointRouteBuilder builder)
    {
        var options = builder.ServiceProvider.GetRequiredService<IOptions<RecordOptions>>().Value;
        ProvideDocumentBundleEndpoint.Map(builder, options);
        FindDocumentReferencesEndpoint.Map(builder);
        FindListsEndpoint.Map(builder);
        RetrieveDocumentEndpoint.Map(builder);
        DocumentLifecycleEndpoints.Map(builder);
        RecordOperationsEndpoints.Map(builder);
        TraceEndpoints.Map(builder);
        return builder;
    }
}
