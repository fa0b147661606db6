using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Socle.Audit.Contracts;
using Socle.BuildingBlocks.Security;
using Socle.Connect.Accounts;
using Socle.Connect.Domain;
using Socle.Connect.Security;
using Socle.Connect.Storage;

namespace Socle.Connect.Oidc;

/// <summary>
/// POST /connect/token: client credentials, authorization code (PKCE S256), refresh token (rotation with reuse
/// detection) and the RFC 7523 JWT-bearer grant by which an organisation asserts the professional acting.
/// </summary>
internal static class TokenEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/connect/token", HandleAsync)
            .DisableAntiforgery()
            .WithName("IssueToken")
            .WithSummary("OAuth 2.0 token endpoint")
            .Produces(200)
            .Produces(400)
            .Produces(401);

    private static async Task<IResult> HandleAsync(
        HttpContext http, ClientAuthenticator authenticator, TokenGrants grants, IssuerResolver issuer, ConnectAudit audit, ConnectDbContext db)
    {
        if (!http.Request.HasFormContentType)
        {
            return TokenError.InvalidRequest("The token request must be application/x-www-form-urlencoded.").ToResult(http);
        }

        var (form, refusal) = await OAuthForm.ReadAsync(http.Request);
        if (form is null)
        {
            return TokenError.InvalidRequest(refusal!).ToResult(http);
        }

        // A grant runs several statements (the client on a cache miss, the grant, its redemption): one pooled connection
        // for all of them instead of one each, since taking a connection from the pool is contended under load. The
        // context closes it.
        await db.Database.OpenConnectionAsync(http.RequestAborted);
        var grantType = form["grant_type"].ToString();
        AuthenticatedClient? caller = null;
        try
        {
            if (grantType.Length == 0)
            {
                throw new OAuthException(TokenError.InvalidRequest("grant_type is required."));
            }

            if (!GrantTypes.All.Contains(grantType))
            {
                throw new OAuthException(new TokenError("unsupported_grant_type", $"Grant type '{grantType}' is not supported; use one of: {string.Join(", ", GrantTypes.All)}."));
            }

            caller = await authenticator.AuthenticateAsync(http.Request, form, issuer.Current() + "/token", http.RequestAborted);
            if (!caller.Client.Allows(grantType))
            {
                throw new OAuthException(new TokenError("unauthorized_client", $"This client is not registered for the {grantType} grant."));
            }

            if (grantType == GrantTypes.ClientCredentials && caller.Client.IsPublic)
            {
                throw new OAuthException(TokenError.InvalidClient("A public client cannot use client credentials."));
            }

            var response = grantType switch
            {
                GrantTypes.ClientCredentials => await grants.ClientCredentialsAsync(caller.Client, form, http.RequestAborted),
                GrantTypes.AuthorizationCode => await grants.AuthorizationCodeAsync(caller.Client, form, http.RequestAborted),
                GrantTypes.RefreshToken => await grants.RefreshAsync(caller.Client, form, http.RequestAborted),
                _ => await grants.JwtBearerAsync(caller.Client, form, http.RequestAborted),
            };
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.Pragma = "no-cache";
            return Results.Json(response, ConnectJsonContext.Default.TokenResponse);
        }
        catch (OAuthException ex)
        {
            if (caller is not null)
            {
                await audit.RecordAsync(http, "connect.token", caller.Client.ClientId, caller.Client.Organisation, null, AuditOutcome.Denied, $"{grantType}: {ex.Error.Error}", "Client", caller.Client.ClientId);
            }

            return ex.Error.ToResult(http);
        }
    }
}
