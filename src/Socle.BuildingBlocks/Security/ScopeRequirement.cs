using Microsoft.AspNetCore.Authorization;

namespace Socle.BuildingBlocks.Security;

/// <summary>The access token must carry this scope (<c>&lt;module&gt;.&lt;right&gt;</c>).</summary>
public sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public string Scope { get; } = scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var granted = ScopeSet.Parse(context.User.FindFirst(SocleClaims.Scope)?.Value);
        if (granted.Contains(requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
