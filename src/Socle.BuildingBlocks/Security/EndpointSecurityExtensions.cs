using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace Socle.BuildingBlocks.Security;

public static class EndpointSecurityExtensions
{
    /// <summary>An authenticated caller whose token carries <paramref name="scope"/>: 401 without a token, 403 without the scope.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new ScopeRequirement(scope))
            .Build());
}
