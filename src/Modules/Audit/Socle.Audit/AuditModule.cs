using Microsoft.Extensions.DependencyInjection;
using Socle.Audit.Contracts;
using Socle.Audit.Domain;
using Socle.Audit.Storage;
using Socle.BuildingBlocks.Storage;

namespace Socle.Audit;

public static class AuditModule
{
    public static IServiceCollection AddAuditModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<AuditDbContext>(AuditDbContext.ModuleName);
        services.AddSingleton<AuditWriter>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<IAuditLog, AuditLog>();
        return services;
    }
}
