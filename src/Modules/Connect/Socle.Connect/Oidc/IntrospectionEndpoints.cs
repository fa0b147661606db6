using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Socle.Audit.Contracts;
using Socle.BuildingBlocks.Security;
using Socle.Connect.Domain;
using Socle.Connect.Security;
using Socle.Connect.Storage;

namespace Socle.Connect.Oidc;

/// <summary>POST /connect/introspect (RFC 7662) and POST /connect/revoke (RFC 7009), for authenticated clients.</summary>
internal static class IntrospectionEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/connect/introspect", IntrospectAsync).DisableAntiforgery().WithName("Introspect").WithSummary("Token introspection (RFC 7662)");
        routes.MapPost("/connect/revoke", RevokeAsync).DisableAntiforgery().WithName("Revoke").WithSummary("Token revocation (RFC 7009)");
    }

    private static async Task<IResult> IntrospectAsync(HttpContext http, ClientAuthenticator authenticator, ConnectDbContext db, TokenSigner signer, IssuerResolver issuer, TimeProvider clock)
    {
        var (client, token, error) = await ReadAsync(http, authenticator, issuer, "introspect");
        if (error is not null)
        {
            return error;
        }

        http.Response.Headers.CacheControl = "no-store";
        var inactive = Results.Text(new JsonObject { ["active"] = false }.ToJsonString(), "application/json");
        var jwt = await signer.ValidateOwnAsync(token, issuer.Current(), null, checkLifetime: true, http.RequestAborted);
        if (jwt is not null)
        {
            if (await RevokedAsync(db, jwt, http.RequestAborted))
            {
                return inactive;
            }

            var body = new JsonObject
            {
                ["active"] = true,
                ["token_type"] = jwt.Typ == "at+jwt" ? "Bearer" : "id_token",
                ["iss"] = jwt.Issuer,
                ["sub"] = jwt.Subject,
                ["aud"] = string.Join(' ', jwt.Audiences),
                ["exp"] = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero).ToUnixTimeSeconds(),
                ["iat"] = new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero).ToUnixTimeSeconds(),
            };
            foreach (var name in new[] { SocleClaims.Scope, SocleClaims.ClientId, SocleClaims.Organisation, SocleClaims.Person, "auth_mode", "acr", "idnat", "activity", SocleClaims.PatientId, "jti" })
            {
                if (jwt.TryGetPayloadValue<string>(name, out var value))
                {
                    body[name] = value;
                }
            }

            return Results.Text(body.ToJsonString(), "application/json");
        }

        var grant = await db.Grants.AsNoTracking().SingleOrDefaultAsync(g => g.HandleHash == Handles.Hash(token) && g.Kind == GrantKinds.RefreshToken, http.RequestAborted);
        var family = grant?.FamilyId is { } fid ? await db.Families.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fid, http.RequestAborted) : null;
        if (grant is null || family is null || grant.ClientId != client!.ClientId || grant.ConsumedAtMs is not null || family.RevokedAtMs is not null
            || grant.ExpiresAtMs < clock.GetUtcNow().ToUnixTimeMilliseconds())
        {
            return inactive;
        }

        var claims = FamilyClaims.FromJson(family.ClaimsJson);
        return Results.Text(new JsonObject
        {
            ["active"] = true,
            ["token_type"] = "refresh_token",
            ["client_id"] = grant.ClientId,
            ["scope"] = grant.Scopes,
            ["sub"] = claims.Subject,
            ["auth_mode"] = claims.AuthMode,
            ["exp"] = grant.ExpiresAtMs / 1000,
            ["iat"] = grant.CreatedAtMs / 1000,
        }.ToJsonString(), "application/json");
    }

    private static async Task<IResult> RevokeAsync(HttpContext http, ClientAuthenticator authenticator, ConnectDbContext db, TokenSigner signer, IssuerResolver issuer, TokenService tokens, ConnectAudit audit)
    {
        var (client, token, error) = await ReadAsync(http, authenticator, issuer, "revoke");
        if (error is not null)
        {
            return error;
        }

        Guid? familyId = null;
        var jwt = await signer.ValidateOwnAsync(token, issuer.Current(), null, checkLifetime: false, http.RequestAborted);
        if (jwt is not null && jwt.TryGetPayloadValue<string>(SocleClaims.ClientId, out var owner) && owner == client!.ClientId
            && RevokedFamilies.FamilyIdOf(jwt) is { } parsed)
        {
            familyId = parsed;
        }
        else if (jwt is null)
        {
            var grant = await db.Grants.AsNoTracking().SingleOrDefaultAsync(g => g.HandleHash == Handles.Hash(token) && g.Kind == GrantKinds.RefreshToken, http.RequestAborted);
            familyId = grant?.ClientId == client!.ClientId ? grant.FamilyId : null;
        }

        // RFC 7009 §2.2: an unknown or foreign token is answered with 200 too, so that nothing leaks.
        if (familyId is { } id)
        {
            await tokens.RevokeFamilyAsync(id, "revoked by the client", http.RequestAborted);
            await audit.RecordAsync(http, "connect.revoke", client!.ClientId, client.Organisation, null, AuditOutcome.Success, "revoked by the client", "TokenFamily", id.ToString("N"));
        }

        return Results.Ok();
    }

    /// <summary>Introspection asks the database, the authoritative answer; bearer checks ask <see cref="RevokedFamilies"/> first.</summary>
    private static async Task<bool> RevokedAsync(ConnectDbContext db, JsonWebToken jwt, CancellationToken cancellationToken) =>
        RevokedFamilies.FamilyIdOf(jwt) is { } id && await RevokedFamilies.RevokedInDatabaseAsync(db, id, cancellationToken);

    private static async Task<(ClientApplication? Client, string Token, IResult? Error)> ReadAsync(HttpContext http, ClientAuthenticator authenticator, IssuerResolver issuer, string endpoint)
    {
        if (!http.Request.HasFormContentType)
        {
            return (null, string.Empty, TokenError.InvalidRequest("The request must be application/x-www-form-urlencoded.").ToResult(http));
        }

        var (form, refusal) = await OAuthForm.ReadAsync(http.Request);
        if (form is null)
        {
            return (null, string.Empty, TokenError.InvalidRequest(refusal!).ToResult(http));
        }

        try
        {
            var caller = await authenticator.AuthenticateAsync(http.Request, form, $"{issuer.Current()}/{endpoint}", http.RequestAborted);
            var token = form["token"].ToString();
            return token.Length == 0
                ? (null, token, TokenError.InvalidRequest("token is required.").ToResult(http))
                : (caller.Client, token, null);
        }
        catch (OAuthException ex)
        {
            return (null, string.Empty, ex.Error.ToResult(http));
        }
    }
}
