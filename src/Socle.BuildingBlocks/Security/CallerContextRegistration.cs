using Microsoft.Extensions.DependencyInjection;

namespace Socle.BuildingBlocks.Security;

public static class CallerContextRegistration
{
    /// <summary>The caller of each HTTP request, from its access token.</summary>
    public static IServiceCollection AddHttpCallerContext(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICallerContext, HttpCallerContext>();
        return services;
    }
}
