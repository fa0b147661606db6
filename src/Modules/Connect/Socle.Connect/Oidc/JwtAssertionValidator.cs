using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Socle.Connect.Domain;
using Socle.Connect.Security;
using Socle.Connect.Storage;

namespace Socle.Connect.Oidc;

/// <summary>
/// Validates a JWT an organisation signed with its registered key (RFC 7523): ES256 or RS256 only, issued by the
/// client, for this token endpoint, short-lived, and used once (its jti is remembered until it expires).
/// </summary>
internal sealed class JwtAssertionValidator(ConnectDbContext db, IssuerResolver issuer, TimeProvider clock)
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
    private readonly JsonWebTokenHandler handler = new();

    public static string? UnverifiedIssuer(string jwt)
    {
        try
        {
            return new JsonWebToken(jwt).Issuer;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public async Task<JsonWebToken> ValidateAsync(string jwt, ClientApplication client, string endpoint, CancellationToken cancellationToken)
    {
        using var key = PublicKey(client.PublicKeyPem!);
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = client.ClientId,
            ValidAudiences = [endpoint, issuer.Current()],
            IssuerSigningKey = key.SecurityKey,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256],
            RequireExpirationTime = true,
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is not null && now <= expires.Value + ClockSkew && expires.Value - now <= MaxLifetime && (notBefore is null || now >= notBefore.Value - ClockSkew),
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            throw new OAuthException(TokenError.InvalidClient($"The assertion does not verify: {Reason(result.Exception)}"));
        }

        if (string.IsNullOrEmpty(token.Id))
        {
            throw new OAuthException(TokenError.InvalidClient("The assertion needs a jti."));
        }

        var hash = Handles.Hash($"{client.ClientId}|{token.Id}");
        if (await db.Grants.AnyAsync(g => g.HandleHash == hash, cancellationToken))
        {
            throw new OAuthException(TokenError.InvalidGrant("This assertion was already used (jti replay)."));
        }

        db.Grants.Add(new Grant
        {
            HandleHash = hash,
            Kind = GrantKinds.AssertionId,
            ClientId = client.ClientId,
            CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            ExpiresAtMs = new DateTimeOffset(token.ValidTo, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            ConsumedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Checks that a PEM holds an EC P-256 or RSA (≥ 2048 bits) public key; the message says what is wrong.</summary>
    public static string? CheckPublicKey(string pem)
    {
        try
        {
            using var key = PublicKey(pem);
            return null;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return ex.Message;
        }
    }

    private static ClientKey PublicKey(string pem)
    {
        if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new ArgumentException("Register the public key, never the private key.");
        }

        try
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            if (ec.KeySize != 256)
            {
                ec.Dispose();
                throw new ArgumentException("EC keys must be on the P-256 curve (ES256).");
            }

            return new ClientKey(ec, new ECDsaSecurityKey(ec));
        }
        catch (CryptographicException)
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            if (rsa.KeySize < 2048)
            {
                rsa.Dispose();
                throw new ArgumentException("RSA keys must have at least 2048 bits.");
            }

            return new ClientKey(rsa, new RsaSecurityKey(rsa));
        }
    }

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "bad signature.",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed (ES256 or RS256).",
        SecurityTokenInvalidAudienceException => "wrong audience (use the token endpoint URL).",
        SecurityTokenInvalidIssuerException => "wrong issuer (use the client_id).",
        SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException or SecurityTokenNoExpirationException => "expired, or valid for more than 10 minutes.",
        _ => "malformed token.",
    };

    private sealed record ClientKey : IDisposable
    {
        public ClientKey(AsymmetricAlgorithm algorithm, SecurityKey securityKey)
        {
            Algorithm = algorithm;
            SecurityKey = securityKey;

            // The key is disposed after each validation: a cached signature provider would outlive it.
            SecurityKey.CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false };
        }

        public AsymmetricAlgorithm Algorithm { get; }

        public SecurityKey SecurityKey { get; }

        public void Dispose() => Algorithm.Dispose();
    }
}
