using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Socle.BuildingBlocks.Security;
using Socle.Connect.Domain;
using Socle.Connect.Security;
using Socle.Connect.Storage;

namespace Socle.Connect.Oidc;

/// <summary>Issues the tokens of a person's authorization (access, ID and refresh tokens) and revokes families.</summary>
internal sealed class TokenService(ConnectDbContext db, GrantStore grants, TokenSigner signer, RevokedFamilies revokedFamilies, IOptions<ConnectOptions> options, TimeProvider clock)
{
    public const string OpenIdScope = "openid";

    /// <summary>
    /// Signs the tokens and, when <paramref name="redeemedHandleHash"/> names the code or refresh token they are issued
    /// for, marks it used in the same transaction that stores the new refresh token. Null when that handle was already
    /// used (a concurrent request redeemed it first): nothing is stored then.
    /// </summary>
    public async Task<TokenResponse?> IssueAsync(
        string issuer, ClientApplication client, TokenFamily family, FamilyClaims claims, IReadOnlyCollection<string> scopes, string? nonce,
        string? redeemedHandleHash, bool withRefreshToken, CancellationToken cancellationToken)
    {
        var extra = new Dictionary<string, object>
        {
            [SocleClaims.Person] = claims.PersonId,
            ["auth_mode"] = claims.AuthMode,
            ["acr"] = claims.Acr,
            ["amr"] = claims.Amr.ToArray(),
            ["auth_time"] = claims.AuthTime,
            ["fid"] = family.Id.ToString("N"),
        };
        foreach (var (key, value) in claims.Access)
        {
            extra[key] = value;
        }

        if (claims.SessionId is not null)
        {
            extra["sid"] = claims.SessionId;
        }

        var accessToken = await signer.IssueAccessTokenAsync(issuer, claims.Subject, client.ClientId, client.Organisation, scopes, extra, cancellationToken);
        string? idToken = null;
        if (scopes.Contains(OpenIdScope))
        {
            var id = new Dictionary<string, object>
            {
                ["sub"] = claims.Subject,
                ["azp"] = client.ClientId,
                ["auth_time"] = claims.AuthTime,
                ["acr"] = claims.Acr,
                ["amr"] = claims.Amr.ToArray(),
                ["at_hash"] = AtHash(accessToken),
            };
            if (nonce is not null)
            {
                id["nonce"] = nonce;
            }

            if (claims.SessionId is not null)
            {
                id["sid"] = claims.SessionId;
            }

            foreach (var name in new[] { "preferred_username", "SubjectNameID", "given_name", "family_name" })
            {
                if (claims.Userinfo[name] is { } value)
                {
                    id[name] = value.GetValue<string>();
                }
            }

            idToken = await signer.SignAsync(issuer, client.ClientId, "JWT", options.Value.IdTokenLifetimeSeconds, id, cancellationToken);
        }

        string? refreshToken = null;
        Grant? next = null;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (withRefreshToken && client.Allows(GrantTypes.RefreshToken))
        {
            refreshToken = Handles.New();
            next = new Grant
            {
                HandleHash = Handles.Hash(refreshToken),
                Kind = GrantKinds.RefreshToken,
                FamilyId = family.Id,
                ClientId = client.ClientId,
                Scopes = string.Join(' ', scopes),
                CreatedAtMs = now,
                ExpiresAtMs = now + (options.Value.RefreshTokenLifetimeSeconds * 1000L),
            };
        }

        if (!await grants.StoreAsync(redeemedHandleHash, now, next, cancellationToken))
        {
            return null;
        }

        return new TokenResponse(accessToken, "Bearer", signer.AccessTokenLifetime, string.Join(' ', scopes), idToken, refreshToken);
    }

    /// <summary>Revokes a family: its refresh tokens stop working and its access tokens stop validating.</summary>
    public async Task RevokeFamilyAsync(Guid familyId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await db.Families.Where(f => f.Id == familyId && f.RevokedAtMs == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.RevokedAtMs, now).SetProperty(f => f.RevokedReason, reason), cancellationToken);
        revokedFamilies.Add(familyId, now);
    }

    public static string AtHash(string accessToken)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        return Base64UrlEncoder.Encode(hash.AsSpan(0, hash.Length / 2).ToArray());
    }
}
