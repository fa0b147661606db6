using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Socle.Connect.Oidc;
using Socle.Connect.Storage;

namespace Socle.Connect.Security;

/// <summary>Resource endpoints accept Socle's own ES256 access tokens, checked against the injected clock.</summary>
internal sealed class JwtBearerSetup(SigningKeyStore keys, IssuerResolver issuer, TimeProvider clock) : IConfigureNamedOptions<JwtBearerOptions>
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public void Configure(string? name, JwtBearerOptions options) => Configure(options);

    public void Configure(JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudience = ConnectOptions.Audience,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            IssuerSigningKeyResolver = (_, _, kid, _) => keys.ResolveForValidation(kid),
            IssuerValidator = (tokenIssuer, _, _) =>
                string.Equals(tokenIssuer, issuer.Current(), StringComparison.Ordinal)
                    ? tokenIssuer
                    : throw new SecurityTokenInvalidIssuerException("The token was not issued by this Socle."),
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is not null && now <= expires.Value + ClockSkew && (notBefore is null || now >= notBefore.Value - ClockSkew);
            },
            NameClaimType = "sub",
        };
        options.Events = new JwtBearerEvents
        {
            // A person's tokens carry their family: once it is revoked (logout, reuse, revocation) they stop working.
            OnTokenValidated = async context =>
            {
                if (context.SecurityToken is JsonWebToken token && token.TryGetPayloadValue<string>("fid", out _))
                {
                    var db = context.HttpContext.RequestServices.GetRequiredService<ConnectDbContext>();
                    if (await IntrospectionEndpoints.RevokedAsync(db, token, context.HttpContext.RequestAborted))
                    {
                        context.Fail("The token was revoked.");
                    }
                }
            },
        };
    }
}
