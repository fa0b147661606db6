using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Socle.Connect.Oidc;
using Socle.Connect.Storage;

namespace Socle.Connect.Security;

/// <summary>Resource endpoints accept Socle's own ES256 access tokens, checked against the injected clock.</summary>
internal sealed class JwtBearerSetup(SigningKeyStore keys, IssuerResolver issuer, CachingJsonWebTokenHandler tokenHandler, TimeProvider clock) : IConfigureNamedOptions<JwtBearerOptions>
{
    public const int ClockSkewMs = 30_000;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMilliseconds(ClockSkewMs);

    public void Configure(string? name, JwtBearerOptions options) => Configure(options);

    public void Configure(JwtBearerOptions options)
    {
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(tokenHandler);
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
            // The in-memory list answers when it is current; otherwise the database does.
            OnTokenValidated = async context =>
            {
                if (context.SecurityToken is JsonWebToken token && RevokedFamilies.FamilyIdOf(token) is { } familyId)
                {
                    var services = context.HttpContext.RequestServices;
                    var revoked = services.GetRequiredService<RevokedFamilies>().Lookup(familyId)
                        ?? await RevokedFamilies.RevokedInDatabaseAsync(services.GetRequiredService<ConnectDbContext>(), familyId, context.HttpContext.RequestAborted);
                    if (revoked)
                    {
                        context.Fail("The token was revoked.");
                    }
                }
            },
        };
    }
}
