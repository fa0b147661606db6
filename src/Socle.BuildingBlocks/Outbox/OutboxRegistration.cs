using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Socle.BuildingBlocks.Outbox;

public static class OutboxRegistration
{
    public static IServiceCollection AddOutboxCore(this IServiceCollection services)
    {
        services.TryAddSingleton<IntegrationEventTypes>();
        services.TryAddSingleton<Outbox>();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>Runs a dispatcher for this module's outbox (unless dispatch in background is turned off).</summary>
    public static IServiceCollection AddOutboxFor<TContext>(this IServiceCollection services)
        where TContext : DbContext, IOutboxDbContext
    {
        services.AddOutboxCore();
        services.TryAddSingleton<OutboxDispatcher<TContext>>();
        services.AddHostedService(sp => new ConditionalHostedService(
            sp.GetRequiredService<OutboxDispatcher<TContext>>(),
            sp.GetRequiredService<IOptions<OutboxOptions>>().Value.DispatchInBackground));
        return services;
    }

    public static IServiceCollection AddIntegrationEvent<TEvent>(this IServiceCollection services, string name)
    {
        services.AddOutboxCore();
        services.AddSingleton(new IntegrationEventRegistration(typeof(TEvent), name));
        return services;
    }
}
