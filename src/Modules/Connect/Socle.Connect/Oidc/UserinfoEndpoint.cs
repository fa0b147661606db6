using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Socle.BuildingBlocks.Security;
using Socle.Connect.Security;
using Socle.Connect.Storage;

namespace Socle.Connect.Oidc;

/// <summary>
/// GET/POST /connect/userinfo: the claims of the login behind a person's access token (scope openid), as JSON, or
/// as a signed JWT when the client asks with <c>Accept: application/jwt</c>.
/// </summary>
internal static class UserinfoEndpoint
{
    public const string JwtMediaType = "application/jwt";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/connect/userinfo", ["GET", "POST"], HandleAsync)
            .DisableAntiforgery()
            .RequireAuthorization(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build())
            .WithName("Userinfo")
            .WithSummary("OpenID Connect userinfo (JSON, or a signed JWT with Accept: application/jwt)");

    private static async Task<IResult> HandleAsync(HttpContext http, ConnectDbContext db, TokenSigner signer, IssuerResolver issuer)
    {
        var scopes = ScopeSet.Parse(http.User.FindFirst(SocleClaims.Scope)?.Value);
        if (!scopes.Contains(TokenService.OpenIdScope) || !Guid.TryParse(http.User.FindFirst("fid")?.Value, out var familyId))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_scope\", error_description=\"userinfo needs a person's access token with the openid scope\"";
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var family = await db.Families.AsNoTracking().SingleAsync(f => f.Id == familyId, http.RequestAborted);
        var claims = FamilyClaims.FromJson(family.ClaimsJson).Userinfo;
        var released = scopes.Contains("scope_all") || scopes.Contains("profile")
            ? claims
            : new JsonObject { ["sub"] = claims["sub"]!.DeepClone() };
        http.Response.Headers.CacheControl = "no-store";
        if (http.Request.Headers.Accept.ToString().Contains(JwtMediaType, StringComparison.OrdinalIgnoreCase))
        {
            var payload = released.ToDictionary(kv => kv.Key, kv => (object)JsonSerializer.Deserialize(kv.Value!.ToJsonString(), ConnectJsonContext.Default.JsonElement));
            var clientId = http.User.FindFirst(SocleClaims.ClientId)!.Value;
            var jwt = await signer.SignAsync(issuer.Current(), clientId, "JWT", signer.AccessTokenLifetime, payload, http.RequestAborted);
            return Results.Text(jwt, JwtMediaType);
        }

        return Results.Text(released.ToJsonString(), "application/json");
    }
}
