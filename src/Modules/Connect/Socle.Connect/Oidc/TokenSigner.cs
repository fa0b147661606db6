using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Socle.BuildingBlocks.Security;
using Socle.Connect.Security;

namespace Socle.Connect.Oidc;

/// <summary>
/// Signs every JWT Socle issues (ES256, active key): access tokens for software clients and for people, ID tokens
/// and signed userinfo. One signer, so that the foundation's client-credentials tokens and people's tokens share
/// issuer, keys and format (docs/decisions/0004).
/// </summary>
internal sealed class TokenSigner(SigningKeyStore keys, IOptions<ConnectOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new();

    public int AccessTokenLifetime => options.Value.AccessTokenLifetimeSeconds;

    /// <summary>An access token for <c>aud=socle</c>; <paramref name="extra"/> adds the person claims of a login.</summary>
    public Task<string> IssueAccessTokenAsync(
        string issuer, string subject, string clientId, string organisation, IReadOnlyCollection<string> scopes, IDictionary<string, object>? extra, CancellationToken cancellationToken)
    {
        var claims = new Dictionary<string, object>(extra ?? new Dictionary<string, object>())
        {
            [SocleClaims.Subject] = subject,
            [SocleClaims.ClientId] = clientId,
            [SocleClaims.Organisation] = organisation,
            [SocleClaims.Scope] = string.Join(' ', scopes),
            ["jti"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        };
        return SignAsync(issuer, ConnectOptions.Audience, "at+jwt", options.Value.AccessTokenLifetimeSeconds, claims, cancellationToken);
    }

    public async Task<string> SignAsync(string issuer, string audience, string type, int lifetimeSeconds, IDictionary<string, object> claims, CancellationToken cancellationToken)
    {
        var keySet = await keys.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddSeconds(lifetimeSeconds),
            TokenType = type,
            SigningCredentials = new SigningCredentials(keySet.Active, SecurityAlgorithms.EcdsaSha256),
            Claims = claims,
        });
    }

    /// <summary>Validates a token this provider signed (any audience given), for introspection, userinfo and logout hints.</summary>
    public async Task<JsonWebToken?> ValidateOwnAsync(string token, string issuer, string? audience, bool checkLifetime, CancellationToken cancellationToken)
    {
        var keySet = await keys.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidateAudience = audience is not null,
            ValidAudience = audience,
            IssuerSigningKeys = keySet.All,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidateLifetime = checkLifetime,
            LifetimeValidator = (_, expires, _, _) => expires is not null && now <= expires.Value.AddSeconds(30),
        });
        return result.IsValid ? result.SecurityToken as JsonWebToken : null;
    }
}
