using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Socle.BuildingBlocks.Security;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests.Connect;

/// <summary>
/// A service scope acting as an operator (like the CLI does), for tests that call module contracts directly:
/// writes of the Identity module record which client made them.
/// </summary>
internal static class OperatorScope
{
    public static AsyncServiceScope Create(SocleApiFactory factory)
    {
        var scope = factory.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(SocleClaims.ClientId, "test-operator"), new Claim(SocleClaims.Organisation, "750000010")], "test")),
        };
        return scope;
    }
}
