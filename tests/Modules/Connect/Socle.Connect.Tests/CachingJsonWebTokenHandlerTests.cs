using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Socle.Connect.Security;

namespace Socle.Connect.Tests;

/// <summary>
/// The bearer-token handler that remembers accepted tokens: what it may skip (the signature) and what it must check again
/// on every request (lifetime, issuer, signing key still published).
/// </summary>
public sealed class CachingJsonWebTokenHandlerTests : IDisposable
{
    private const string Issuer = "http://localhost/connect";
    private readonly ECDsa ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsaSecurityKey key;
    private readonly SteppedClock clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private string currentIssuer = Issuer;
    private List<SecurityKey> published;

    public CachingJsonWebTokenHandlerTests()
    {
        key = new ECDsaSecurityKey(ecdsa) { KeyId = "k1" };
        published = [key];
    }

    [Fact]
    public async Task An_accepted_token_is_served_from_memory_with_its_own_copy_of_the_claims()
    {
        var handler = new CachingJsonWebTokenHandler(clock, 100);
        var token = Token(TimeSpan.FromHours(1));

        var first = await handler.ValidateTokenAsync(token, Parameters());
        var second = await handler.ValidateTokenAsync(token, Parameters());

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Same(first.SecurityToken, second.SecurityToken); // not parsed nor verified again
        Assert.Equal(1, handler.Count);
        Assert.Equal("client-1", second.ClaimsIdentity.FindFirst("client_id")!.Value);
        Assert.IsType<CaseSensitiveClaimsIdentity>(second.ClaimsIdentity);

        // A claim added to one request's identity does not reach the next request.
        second.ClaimsIdentity.AddClaim(new Claim("added", "yes"));
        var third = await handler.ValidateTokenAsync(token, Parameters());
        Assert.NotSame(second.ClaimsIdentity, third.ClaimsIdentity);
        Assert.Null(third.ClaimsIdentity.FindFirst("added"));
        Assert.Equal(second.ClaimsIdentity.Claims.Count() - 1, third.ClaimsIdentity.Claims.Count());
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_has_expired()
    {
        var handler = new CachingJsonWebTokenHandler(clock, 100);
        var token = Token(TimeSpan.FromMinutes(5));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.False((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_its_signing_key_is_no_longer_published()
    {
        var handler = new CachingJsonWebTokenHandler(clock, 100);
        var token = Token(TimeSpan.FromHours(1));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);

        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        published = [new ECDsaSecurityKey(other) { KeyId = "k2" }];

        Assert.False((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_where_the_issuer_is_another_one()
    {
        var handler = new CachingJsonWebTokenHandler(clock, 100);
        var token = Token(TimeSpan.FromHours(1));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);

        currentIssuer = "http://other.example/connect"; // the same host reached under another name
        var refused = await handler.ValidateTokenAsync(token, Parameters());

        Assert.False(refused.IsValid);
        Assert.IsType<SecurityTokenInvalidIssuerException>(refused.Exception);
        currentIssuer = Issuer;
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
    }

    [Fact]
    public async Task Refused_tokens_are_not_remembered()
    {
        var handler = new CachingJsonWebTokenHandler(clock, 100);
        var parts = Token(TimeSpan.FromHours(1)).Split('.');
        var forged = parts[0] + "." + Base64UrlEncoder.Encode("{\"iss\":\"http://localhost/connect\",\"aud\":\"socle\",\"client_id\":\"admin\",\"exp\":4102444800}") + "." + parts[2];

        Assert.False((await handler.ValidateTokenAsync(forged, Parameters())).IsValid);
        Assert.False((await handler.ValidateTokenAsync(forged, Parameters())).IsValid);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task The_memory_is_bounded_and_forgets_expired_tokens_first()
    {
        var handler = new CachingJsonWebTokenHandler(clock, 2);
        var shortLived = Token(TimeSpan.FromMinutes(1));
        var longLived = Token(TimeSpan.FromHours(1));
        await handler.ValidateTokenAsync(shortLived, Parameters());
        var kept = await handler.ValidateTokenAsync(longLived, Parameters());
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.True((await handler.ValidateTokenAsync(Token(TimeSpan.FromHours(1)), Parameters())).IsValid);

        Assert.Equal(2, handler.Count);
        Assert.Same(kept.SecurityToken, (await handler.ValidateTokenAsync(longLived, Parameters())).SecurityToken);

        // Full of live tokens: a new one still gets in, and the count never passes the bound.
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await handler.ValidateTokenAsync(Token(TimeSpan.FromHours(1)), Parameters())).IsValid);
            Assert.InRange(handler.Count, 1, 2);
        }
    }

    [Fact]
    public async Task A_size_of_zero_checks_every_signature()
    {
        var handler = new CachingJsonWebTokenHandler(clock, 0);
        var token = Token(TimeSpan.FromHours(1));

        var first = await handler.ValidateTokenAsync(token, Parameters());
        var second = await handler.ValidateTokenAsync(token, Parameters());

        Assert.True(second.IsValid);
        Assert.NotSame(first.SecurityToken, second.SecurityToken);
        Assert.Equal(0, handler.Count);
    }

    public void Dispose() => ecdsa.Dispose();

    private string Token(TimeSpan lifetime)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ConnectOptions.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object> { ["client_id"] = "client-1", ["jti"] = Guid.NewGuid().ToString("N") },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>Shaped like JwtBearerSetup's: the checks that can change are delegates over this test's state.</summary>
    private TokenValidationParameters Parameters() => new()
    {
        ValidAudience = ConnectOptions.Audience,
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        IssuerSigningKeyResolver = (_, _, _, _) => published,
        IssuerValidator = (tokenIssuer, _, _) => tokenIssuer == currentIssuer
            ? tokenIssuer
            : throw new SecurityTokenInvalidIssuerException("Another issuer."),
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return expires is not null && now <= expires.Value && (notBefore is null || now >= notBefore.Value);
        },
    };

    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
