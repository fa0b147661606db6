using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Socle.Audit.Contracts;
using Socle.BuildingBlocks.Security;
using Socle.Connect.Accounts;
using Socle.Connect.Domain;
using Socle.Connect.Security;
using Socle.Connect.Storage;
using Socle.Directory.Contracts;

namespace Socle.Connect.Oidc;

/// <summary>The grants of the token endpoint, for an authenticated client.</summary>
internal sealed class TokenGrants(
    ConnectDbContext db,
    GrantStore grants,
    TokenService tokens,
    TokenSigner signer,
    IssuerResolver issuer,
    JwtAssertionValidator assertions,
    PersonClaimsBuilder people,
    IDirectory directory,
    ConnectAudit audit,
    IHttpContextAccessor accessor,
    TimeProvider clock)
{
    /// <summary>RFC 8176 methods that are a second factor; an organisation asserting indirect authentication names one.</summary>
    private static readonly HashSet<string> SecondFactorMethods = ["mfa", "otp", "hwk", "sc", "swk", "sms", "fpt", "face", "iris", "pin"];

    private HttpContext Http => accessor.HttpContext!;

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<TokenResponse> ClientCredentialsAsync(ClientApplication client, IFormCollection form, CancellationToken cancellationToken)
    {
        var scopes = RequestedScopes(client, form, ScopeSet.Parse(client.Scopes));
        var token = await signer.IssueAccessTokenAsync(issuer.Current(), client.ClientId, client.ClientId, client.Organisation, scopes, null, cancellationToken);
        return new TokenResponse(token, "Bearer", signer.AccessTokenLifetime, string.Join(' ', scopes));
    }

    public async Task<TokenResponse> AuthorizationCodeAsync(ClientApplication client, IFormCollection form, CancellationToken cancellationToken)
    {
        var code = Required(form, "code");
        var redirectUri = Required(form, "redirect_uri");
        var verifier = Required(form, "code_verifier");
        var found = await grants.FindAsync(Handles.Hash(code), GrantKinds.AuthorizationCode, cancellationToken);
        if (found is null || found.Grant.ClientId != client.ClientId)
        {
            throw new OAuthException(TokenError.InvalidGrant("Unknown authorization code."));
        }

        var (grant, family, _) = found;
        if (grant.ConsumedAtMs is not null)
        {
            await RevokeAsync(family, client, "authorization code reused", cancellationToken);
            throw new OAuthException(TokenError.InvalidGrant("This authorization code was already used; the tokens issued from it are revoked."));
        }

        if (grant.ExpiresAtMs < Now || family.RevokedAtMs is not null)
        {
            throw new OAuthException(TokenError.InvalidGrant("The authorization code has expired."));
        }

        if (!string.Equals(grant.RedirectUri, redirectUri, StringComparison.Ordinal))
        {
            throw new OAuthException(TokenError.InvalidGrant("redirect_uri differs from the one of the authorization request."));
        }

        if (!Pkce.Matches(verifier, grant.CodeChallenge!))
        {
            throw new OAuthException(TokenError.InvalidGrant("The PKCE code_verifier does not match the code_challenge."));
        }

        var scopes = ScopeSet.Parse(grant.Scopes).Order(StringComparer.Ordinal).ToList();
        return await RedeemAsync(client, grant, family, scopes, grant.Nonce, GrantTypes.AuthorizationCode, "authorization code reused",
            "This authorization code was already used; the tokens issued from it are revoked.", cancellationToken);
    }

    public async Task<TokenResponse> RefreshAsync(ClientApplication client, IFormCollection form, CancellationToken cancellationToken)
    {
        var found = await grants.FindAsync(Handles.Hash(Required(form, "refresh_token")), GrantKinds.RefreshToken, cancellationToken);
        if (found is null || found.Grant.ClientId != client.ClientId)
        {
            throw new OAuthException(TokenError.InvalidGrant("Unknown refresh token."));
        }

        var (grant, family, accountActive) = found;
        if (family.RevokedAtMs is not null || grant.ExpiresAtMs < Now)
        {
            throw new OAuthException(TokenError.InvalidGrant("The refresh token has expired or was revoked."));
        }

        const string reused = "This refresh token was already used; every token of its authorization is revoked.";
        if (grant.ConsumedAtMs is not null)
        {
            await RevokeAsync(family, client, "refresh token reused", cancellationToken);
            throw new OAuthException(TokenError.InvalidGrant(reused));
        }

        if (!accountActive)
        {
            await RevokeAsync(family, client, "account disabled", cancellationToken);
            throw new OAuthException(TokenError.InvalidGrant("The account is no longer active."));
        }

        var scopes = RequestedScopes(client, form, ScopeSet.Parse(grant.Scopes));
        return await RedeemAsync(client, grant, family, scopes, nonce: null, GrantTypes.RefreshToken, "refresh token reused", reused, cancellationToken);
    }

    /// <summary>
    /// Indirect authentication (RFC 7523 §2.1): the organisation signs an assertion whose <c>sub</c> is the
    /// professional's IdNat_PS and whose <c>amr</c> names the second factor it checked itself.
    /// </summary>
    public async Task<TokenResponse> JwtBearerAsync(ClientApplication client, IFormCollection form, CancellationToken cancellationToken)
    {
        if (client.PublicKeyPem is null)
        {
            throw new OAuthException(new TokenError("unauthorized_client", "Register the organisation's public key (socle clients add --public-key) to use assertions."));
        }

        var assertion = await assertions.ValidateAsync(Required(form, "assertion"), client, issuer.Current() + "/token", cancellationToken);
        var amr = assertion.TryGetPayloadValue<string[]>("amr", out var methods) ? methods : [];
        if (!amr.Any(SecondFactorMethods.Contains))
        {
            throw new OAuthException(TokenError.InvalidGrant("The assertion must attest the organisation's second factor in amr (for example [\"pwd\",\"otp\"])."));
        }

        var idNat = assertion.Subject;
        var professional = string.IsNullOrEmpty(idNat) ? null : await directory.FindProfessionalAsync(idNat, cancellationToken);
        if (professional is null)
        {
            throw new OAuthException(TokenError.InvalidGrant($"The assertion's sub '{idNat}' is not a professional of the directory (IdNat_PS)."));
        }

        // An organisation vouches for its own staff only: the activity must be at one of its sites (FINESS site or legal
        // entity), or any registered client could act as any professional of the directory.
        assertion.TryGetPayloadValue<string>("activity", out var requestedActivity);
        var atOrganisation = professional.Activities
            .Where(a => a.Structure is { } s && (s.FinessSite == client.Organisation || s.FinessLegalEntity == client.Organisation))
            .ToList();
        var activity = requestedActivity is null ? atOrganisation.FirstOrDefault() : atOrganisation.FirstOrDefault(a => a.Id == requestedActivity);
        if (activity is null)
        {
            throw new OAuthException(TokenError.InvalidGrant(requestedActivity is null
                ? $"The professional {professional.IdNat} has no activity at the organisation {client.Organisation}: an organisation asserts its own professionals only."
                : $"The professional has no activity '{requestedActivity}' at the organisation {client.Organisation}."));
        }

        var person = await people.ProfessionalAsync(professional.IdNat, activity.Id, cancellationToken);
        var authTime = assertion.TryGetPayloadValue<long>("auth_time", out var at) ? at : new DateTimeOffset(assertion.IssuedAt, TimeSpan.Zero).ToUnixTimeSeconds();
        var claims = new FamilyClaims(person!.Subject, person.PersonId, authTime, FamilyClaims.Eidas1, amr, FamilyClaims.Indirect, null, person.AccessTokenClaims, person.Userinfo);
        var family = new TokenFamily { Id = Guid.CreateVersion7(clock.GetUtcNow()), ClientId = client.ClientId, ClaimsJson = claims.ToJson(), CreatedAtMs = Now };
        var scopes = RequestedScopes(client, form, ScopeSet.Parse(client.Scopes));
        db.Families.Add(family);
        await db.SaveChangesAsync(cancellationToken);
        var response = (await tokens.IssueAsync(issuer.Current(), client, family, claims, scopes, nonce: null, redeemedHandleHash: null, withRefreshToken: false, cancellationToken))!;
        await audit.RecordAsync(Http, "connect.token", client.ClientId, client.Organisation, person.PersonId, AuditOutcome.Success, $"{GrantTypes.JwtBearer}; auth_mode=indirect; amr={string.Join(',', amr)}", "TokenFamily", family.Id.ToString("N"));
        return response;
    }

    private static List<string> RequestedScopes(ClientApplication client, IFormCollection form, IReadOnlySet<string> ceiling)
    {
        var allowed = ScopeSet.Parse(client.Scopes);
        var requested = form.ContainsKey("scope") ? ScopeSet.Parse(form["scope"].ToString()) : ceiling;
        var refused = requested.Where(s => !allowed.Contains(s) || !ceiling.Contains(s)).ToList();
        if (refused.Count > 0 || requested.Count == 0)
        {
            throw new OAuthException(new TokenError("invalid_scope", $"Scope(s) not granted: {string.Join(' ', refused)}."));
        }

        return requested.Order(StringComparer.Ordinal).ToList();
    }

    private static string Required(IFormCollection form, string name)
    {
        var value = form[name].ToString();
        return value.Length > 0 ? value : throw new OAuthException(TokenError.InvalidRequest($"{name} is required."));
    }

    /// <summary>
    /// Marks the grant used and stores the new refresh token in the same transaction. When another request redeemed the
    /// grant in between, nothing is written and the race counts as a reuse.
    /// </summary>
    private async Task<TokenResponse> RedeemAsync(
        ClientApplication client, Grant grant, TokenFamily family, IReadOnlyCollection<string> scopes, string? nonce, string grantType,
        string reuseReason, string reuseMessage, CancellationToken cancellationToken)
    {
        var claims = FamilyClaims.FromJson(family.ClaimsJson);
        var response = await tokens.IssueAsync(issuer.Current(), client, family, claims, scopes, nonce, grant.HandleHash, withRefreshToken: true, cancellationToken);
        if (response is null)
        {
            await RevokeAsync(family, client, reuseReason, cancellationToken);
            throw new OAuthException(TokenError.InvalidGrant(reuseMessage));
        }

        await RecordIssueAsync(client, family, claims, grantType);
        return response;
    }

    private async Task RevokeAsync(TokenFamily family, ClientApplication client, string reason, CancellationToken cancellationToken)
    {
        await tokens.RevokeFamilyAsync(family.Id, reason, cancellationToken);
        await audit.RecordAsync(Http, "connect.revoke", client.ClientId, client.Organisation, FamilyClaims.FromJson(family.ClaimsJson).PersonId, AuditOutcome.Success, reason, "TokenFamily", family.Id.ToString("N"));
    }

    private Task RecordIssueAsync(ClientApplication client, TokenFamily family, FamilyClaims claims, string grantType) =>
        audit.RecordAsync(
            Http, "connect.token", client.ClientId, client.Organisation, claims.PersonId, AuditOutcome.Success, $"{grantType}; auth_mode={claims.AuthMode}",
            "TokenFamily", family.Id.ToString("N"), claims.Access.GetValueOrDefault(SocleClaims.PatientId));
}
