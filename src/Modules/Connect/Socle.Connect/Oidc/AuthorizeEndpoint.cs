using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Socle.Audit.Contracts;
using Socle.BuildingBlocks.Security;
using Socle.Connect.Accounts;
using Socle.Connect.Domain;
using Socle.Connect.Security;
using Socle.Connect.Storage;
using Socle.Directory.Contracts;

namespace Socle.Connect.Oidc;

/// <summary>
/// GET/POST /connect/authorize: the code flow. Sends the browser through the pages it still needs (login, second
/// factor, activity choice, consent), honouring prompt and max_age, then back to the client with a code.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/connect/authorize", ["GET", "POST"], HandleAsync)
            .DisableAntiforgery()
            .ExcludeFromDescription();

    private static async Task<IResult> HandleAsync(
        HttpContext http, ConnectDbContext db, IssuerResolver issuerResolver, IDirectory directory, PersonClaimsBuilder people, ConnectAudit audit, IOptions<ConnectOptions> options, TimeProvider clock)
    {
        IReadOnlyDictionary<string, StringValues> query = http.Request.Query.ToDictionary(kv => kv.Key, kv => kv.Value);
        if (http.Request.HasFormContentType)
        {
            // Without a readable request there is no redirect_uri to trust: the error is shown on Socle's page.
            var (form, refusal) = await OAuthForm.ReadAsync(http.Request);
            if (form is null)
            {
                return Results.Redirect("/connect/error?reason=" + Uri.EscapeDataString(refusal!));
            }

            query = form.ToDictionary(kv => kv.Key, kv => kv.Value);
        }
        else if (OAuthForm.Refusal(query) is { } refusal)
        {
            return Results.Redirect("/connect/error?reason=" + Uri.EscapeDataString(refusal));
        }

        var clientId = query.TryGetValue("client_id", out var id) ? id.ToString() : string.Empty;
        var client = clientId.Length == 0 ? null : await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId && c.Active, http.RequestAborted);
        var request = AuthorizationRequest.Parse(query, client, out var pageError, out var clientError);
        var issuer = issuerResolver.Current();
        if (request is null)
        {
            return Results.Redirect("/connect/error?reason=" + Uri.EscapeDataString(pageError!));
        }

        if (clientError is { } e)
        {
            return Results.Redirect(request.ErrorRedirect(issuer, e.Error, e.Description));
        }

        var session = await http.AuthenticateAsync(ConnectCookies.Session);
        var login = session.Succeeded ? await CurrentLoginAsync(db, session.Principal!, http.RequestAborted) : null;
        var now = clock.GetUtcNow();
        var tooOld = login is not null && (
            (request.MaxAge is { } maxAge && now.ToUnixTimeMilliseconds() - login.Session.AuthTimeMs > maxAge * 1000L) ||
            now.ToUnixTimeMilliseconds() - login.Session.AuthTimeMs > options.Value.SessionLifetimeSeconds * 1000L);
        if (login is null || tooOld || request.Prompt.Contains("login"))
        {
            return request.Prompt.Contains("none")
                ? Results.Redirect(request.ErrorRedirect(issuer, "login_required", "The person must log in."))
                : Results.Redirect(QueryHelpers.AddQueryString("/connect/login", new Dictionary<string, string?> { ["returnUrl"] = request.ReturnUrl("login"), ["login_hint"] = request.LoginHint }.Where(kv => kv.Value is not null)));
        }

        if (login.Account.IsProfessional && (login.Session.ActivityId is null || request.Prompt.Contains("select_account")))
        {
            var professional = await directory.FindProfessionalAsync(login.Account.IdNat!, http.RequestAborted);
            if (professional?.Activities.Count > 1 || request.Prompt.Contains("select_account"))
            {
                return request.Prompt.Contains("none")
                    ? Results.Redirect(request.ErrorRedirect(issuer, "interaction_required", "The professional must choose the activity they act in."))
                    : Results.Redirect("/connect/activity?returnUrl=" + Uri.EscapeDataString(request.ReturnUrl("select_account")));
            }
        }

        if (request.Client.RequireConsent)
        {
            var consent = await db.Consents.AsNoTracking().SingleOrDefaultAsync(c => c.AccountId == login.Account.Id && c.ClientId == request.Client.ClientId, http.RequestAborted);
            var covered = consent is not null && request.Scopes.All(ScopeSet.Parse(consent.Scopes).Contains);
            if (!covered || request.Prompt.Contains("consent"))
            {
                return request.Prompt.Contains("none")
                    ? Results.Redirect(request.ErrorRedirect(issuer, "consent_required", "The person has not consented to this client."))
                    : Results.Redirect("/connect/consent?returnUrl=" + Uri.EscapeDataString(request.ReturnUrl("consent")));
            }
        }

        var person = await people.BuildAsync(login.Account, login.Session.ActivityId, http.RequestAborted);
        if (person is null)
        {
            await audit.RecordAsync(http, "connect.authorize", request.Client.ClientId, request.Client.Organisation, login.Account.IdNat, AuditOutcome.Denied, "person no longer in the directory or identity no longer qualified", "Account", login.Account.Id.ToString("N"));
            return Results.Redirect(request.ErrorRedirect(issuer, "access_denied", "The account's professional or identity is no longer valid."));
        }

        var amr = login.Session.Amr.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var claims = new FamilyClaims(person.Subject, person.PersonId, login.Session.AuthTimeMs / 1000, FamilyClaims.Eidas1, amr, FamilyClaims.Direct, login.Session.Id, person.AccessTokenClaims, person.Userinfo);
        var family = new TokenFamily
        {
            Id = Guid.CreateVersion7(now),
            ClientId = request.Client.ClientId,
            AccountId = login.Account.Id,
            SessionId = login.Session.Id,
            ClaimsJson = claims.ToJson(),
            CreatedAtMs = now.ToUnixTimeMilliseconds(),
        };
        var code = Handles.New();
        db.Families.Add(family);
        db.Grants.Add(new Grant
        {
            HandleHash = Handles.Hash(code),
            Kind = GrantKinds.AuthorizationCode,
            FamilyId = family.Id,
            ClientId = request.Client.ClientId,
            Scopes = string.Join(' ', request.Scopes),
            RedirectUri = request.RedirectUri,
            CodeChallenge = request.CodeChallenge,
            Nonce = request.Nonce,
            CreatedAtMs = now.ToUnixTimeMilliseconds(),
            ExpiresAtMs = now.ToUnixTimeMilliseconds() + (options.Value.AuthorizationCodeLifetimeSeconds * 1000L),
        });
        await db.SaveChangesAsync(http.RequestAborted);
        await audit.RecordAsync(http, "connect.authorize", request.Client.ClientId, request.Client.Organisation, person.PersonId, AuditOutcome.Success, string.Join(' ', request.Scopes), "TokenFamily", family.Id.ToString("N"), login.Account.IsProfessional ? null : person.PersonId);
        return Results.Redirect(QueryHelpers.AddQueryString(request.RedirectUri, new Dictionary<string, string?>
        {
            ["code"] = code,
            ["state"] = request.State,
            ["iss"] = issuer,
        }.Where(kv => kv.Value is not null)));
    }

    /// <summary>The account and server-side session behind a valid session cookie.</summary>
    public static async Task<CurrentLogin?> CurrentLoginAsync(ConnectDbContext db, System.Security.Claims.ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var sid = principal.FindFirst(ConnectCookies.SessionClaim)?.Value;
        var session = sid is null ? null : await db.Sessions.SingleOrDefaultAsync(s => s.Id == sid && s.EndedAtMs == null, cancellationToken);
        var account = session is null ? null : await db.Accounts.SingleOrDefaultAsync(a => a.Id == session.AccountId && a.State == AccountStates.Active, cancellationToken);
        return account is null ? null : new CurrentLogin(account, session!);
    }
}

internal sealed record CurrentLogin(Account Account, LoginSession Session);
