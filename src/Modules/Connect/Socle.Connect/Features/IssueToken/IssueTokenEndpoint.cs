using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Socle.BuildingBlocks.Security;
using Socle.Connect.Domain;
using Socle.Connect.Security;
using Socle.Connect.Storage;

using Socle.Connect.Features;

namespace Socle.Connect.Features.IssueToken;

/// <summary>POST /connect/token: the OAuth 2.0 client-credentials grant (client_secret_basic or client_secret_post).</summary>
internal static class IssueTokenEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/connect/token", HandleAsync)
            .DisableAntiforgery()
            .WithName("IssueToken")
            .WithSummary("OAuth 2.0 token endpoint (client credentials)")
            .Produces(200)
            .Produces(400)
            .Produces(401);

    private static async Task<IResult> HandleAsync(HttpContext http, ConnectDbContext db, AccessTokenIssuer issuer, IssuerResolver issuerResolver)
    {
        if (!http.Request.HasFormContentType)
        {
            return Error(new TokenError("invalid_request", "The token request must be application/x-www-form-urlencoded."));
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            return Error(new TokenError("invalid_request", "grant_type is required."));
        }

        if (grantType != "client_credentials")
        {
            return Error(new TokenError("unsupported_grant_type", $"Grant type '{grantType}' is not supported here; use client_credentials."));
        }

        var credentials = ReadClientCredentials(http.Request, form, out var usedBasic);
        if (credentials is not { } c)
        {
            return Error(new TokenError("invalid_request", "Authenticate the client with HTTP Basic or with client_id and client_secret in the form, not both."));
        }

        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(x => x.ClientId == c.Id, http.RequestAborted);
        if (client is null || !client.Active || !ClientSecrets.Matches(c.Secret, client.SecretHash))
        {
            if (usedBasic)
            {
                http.Response.Headers.WWWAuthenticate = "Basic realm=\"socle\"";
            }

            return Error(new TokenError("invalid_client", "Unknown client or wrong secret.", 401));
        }

        var allowed = ScopeSet.Parse(client.Scopes);
        var requested = form.ContainsKey("scope") ? ScopeSet.Parse(form["scope"].ToString()) : allowed;
        var refused = requested.Where(s => !allowed.Contains(s)).ToList();
        if (refused.Count > 0 || requested.Count == 0)
        {
            return Error(new TokenError("invalid_scope", $"Scope(s) not granted to this client: {string.Join(' ', refused)}."));
        }

        var scopes = requested.Order(StringComparer.Ordinal).ToList();
        var (token, expiresIn) = await issuer.IssueAsync(issuerResolver.Current(), client.ClientId, client.Organisation, scopes, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new TokenResponse(token, "Bearer", expiresIn, string.Join(' ', scopes)), ConnectJsonContext.Default.TokenResponse);
    }

    private static (string Id, string Secret)? ReadClientCredentials(HttpRequest request, IFormCollection form, out bool usedBasic)
    {
        var header = request.Headers.Authorization.ToString();
        usedBasic = header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase);
        var inForm = form.ContainsKey("client_id") || form.ContainsKey("client_secret");
        if (usedBasic == inForm)
        {
            return null;
        }

        if (!usedBasic)
        {
            return (form["client_id"].ToString(), form["client_secret"].ToString());
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return null;
            }

            // RFC 6749 §2.3.1: both parts are form-urlencoded before Base64.
            return (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static IResult Error(TokenError error) =>
        Results.Json(new TokenErrorBody(error.Error, error.Description), ConnectJsonContext.Default.TokenErrorBody, statusCode: error.Status);
}
