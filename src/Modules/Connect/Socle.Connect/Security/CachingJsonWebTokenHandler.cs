using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Socle.Connect.Security;

/// <summary>
/// Checks bearer tokens like <see cref="JsonWebTokenHandler"/> and remembers the ones it accepted, so that a client
/// sending the same token again does not pay for a second ES256 signature check (docs/decisions/0019).
/// Only what depends on the token's bytes alone is not checked again: signature, algorithm, audience, format.
/// What depends on time or on the host's state is checked on every request: the lifetime, the issuer (it may follow
/// the request's address) and whether the signing key is still published. Revoked token families are checked after
/// this handler, on every request (<see cref="JwtBearerSetup"/>).
/// </summary>
internal sealed class CachingJsonWebTokenHandler(TimeProvider clock, int capacity) : JsonWebTokenHandler
{
    private readonly ConcurrentDictionary<string, Accepted> accepted = new(StringComparer.Ordinal);
    private readonly Lock pruning = new();
    private int count;

    /// <summary>How many accepted tokens are remembered now.</summary>
    public int Count => Volatile.Read(ref count);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (accepted.TryGetValue(token, out var known))
        {
            if (StillValid(token, known.Token, validationParameters))
            {
                return known.Result();
            }

            Forget(token);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && capacity > 0 && CanCheckAgain(validationParameters)
            && result.SecurityToken is JsonWebToken { Kid.Length: > 0 } jwt && result.ClaimsIdentity is { } identity)
        {
            Remember(token, new Accepted(jwt, Copy(identity)));
        }

        return result;
    }

    /// <summary>The checks that can change while a token stays the same need these delegates (JwtBearerSetup sets them).</summary>
    private static bool CanCheckAgain(TokenValidationParameters parameters) =>
        parameters is { LifetimeValidator: not null, IssuerValidator: not null, IssuerSigningKeyResolver: not null };

    private static bool StillValid(string token, JsonWebToken jwt, TokenValidationParameters parameters)
    {
        if (!CanCheckAgain(parameters))
        {
            return false;
        }

        try
        {
            DateTime? notBefore = jwt.ValidFrom == DateTime.MinValue ? null : jwt.ValidFrom;
            DateTime? expires = jwt.ValidTo == DateTime.MinValue ? null : jwt.ValidTo;
            return parameters.LifetimeValidator(notBefore, expires, jwt, parameters)
                && parameters.IssuerValidator(jwt.Issuer, jwt, parameters) == jwt.Issuer
                && parameters.IssuerSigningKeyResolver(token, jwt, jwt.Kid, parameters).Any(k => k.KeyId == jwt.Kid);
        }
        catch (SecurityTokenException)
        {
            // A refusal: the full check below gives the caller its reason.
            return false;
        }
    }

    private void Remember(string token, Accepted entry)
    {
        if (Volatile.Read(ref count) >= capacity)
        {
            Prune();
        }

        if (accepted.TryAdd(token, entry))
        {
            Interlocked.Increment(ref count);
        }
    }

    /// <summary>
    /// Forgets expired tokens and, if live ones still fill the cache, all of them: a forgotten token only costs one more
    /// signature check, and this runs at most once per <c>capacity</c> new tokens.
    /// </summary>
    private void Prune()
    {
        lock (pruning)
        {
            if (Volatile.Read(ref count) < capacity)
            {
                return;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (token, entry) in accepted)
            {
                if (entry.Token.ValidTo < now)
                {
                    Forget(token);
                }
            }

            if (Volatile.Read(ref count) >= capacity)
            {
                foreach (var token in accepted.Keys)
                {
                    Forget(token);
                }
            }
        }
    }

    private void Forget(string token)
    {
        if (accepted.TryRemove(token, out _))
        {
            Interlocked.Decrement(ref count);
        }
    }

    /// <summary>Each request gets its own identity: code later in the pipeline may add claims to it.</summary>
    private static ClaimsIdentity Copy(ClaimsIdentity identity) =>
        identity is CaseSensitiveClaimsIdentity ? new CaseSensitiveClaimsIdentity(identity) : identity.Clone();

    private sealed record Accepted(JsonWebToken Token, ClaimsIdentity Identity)
    {
        public TokenValidationResult Result() => new()
        {
            IsValid = true,
            SecurityToken = Token,
            ClaimsIdentity = Copy(Identity),
            Issuer = Token.Issuer,
            TokenType = Token.Typ,
        };
    }
}
