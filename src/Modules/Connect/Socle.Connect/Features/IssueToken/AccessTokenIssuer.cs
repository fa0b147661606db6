using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Socle.BuildingBlocks.Security;
using Socle.Connect.Security;

namespace Socle.Connect.Features.IssueToken;

/// <summary>Signs access tokens (ES256 JWT). The Connect issue's person logins will add claims here, not a second issuer.</summary>
internal sealed class AccessTokenIssuer(SigningKeyStore keys, IOptions<ConnectOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new();

    public async Task<(string Token, int ExpiresIn)> IssueAsync(string issuer, string clientId, string organisation, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        var keySet = await keys.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = options.Value.AccessTokenLifetimeSeconds;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = ConnectOptions.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddSeconds(lifetime),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(keySet.Active, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object>
            {
                [SocleClaims.Subject] = clientId,
                [SocleClaims.ClientId] = clientId,
                [SocleClaims.Organisation] = organisation,
                [SocleClaims.Scope] = string.Join(' ', scopes),
                ["jti"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            },
        };
        return (handler.CreateToken(descriptor), lifetime);
    }
}
