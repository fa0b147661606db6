using Microsoft.AspNetCore.Http;

namespace Socle.Connect.Oidc;

/// <summary>An OAuth 2.0 error response (RFC 6749 §5.2): the OAuth endpoints speak OAuth, not problem+json.</summary>
internal sealed record TokenError(string Error, string Description, int Status = 400)
{
    public static TokenError InvalidRequest(string description) => new("invalid_request", description);

    public static TokenError InvalidGrant(string description) => new("invalid_grant", description);

    public static TokenError InvalidClient(string description) => new("invalid_client", description, 401);

    public IResult ToResult(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (Status == 401 && http.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"socle\"";
        }

        return Results.Json(new TokenErrorBody(Error, Description), ConnectJsonContext.Default.TokenErrorBody, statusCode: Status);
    }
}

/// <summary>Thrown inside a grant handler to answer with an OAuth error.</summary>
internal sealed class OAuthException(TokenError error) : Exception(error.Description)
{
    public TokenError Error { get; } = error;
}
