using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Socle.Audit.Contracts;
using Socle.Connect.Accounts;
using Socle.Connect.Oidc;
using Socle.Connect.Security;

namespace Socle.Connect.Pages.Connect;

/// <summary>
/// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0), the end_session_endpoint. With a valid
/// id_token_hint of the current session it logs out at once; otherwise it asks. It only ever sends the browser to a
/// post_logout_redirect_uri registered for the client.
/// </summary>
public sealed class LogoutModel : ConnectPageModel
{
    [BindProperty(SupportsGet = true, Name = "id_token_hint")]
    public string? IdTokenHint { get; set; }

    [BindProperty(SupportsGet = true, Name = "post_logout_redirect_uri")]
    public string? PostLogoutRedirectUri { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "client_id")]
    public string? ClientId { get; set; }

    public bool Done { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var (hintSid, redirect) = await CheckAsync();
        if (Message is not null)
        {
            return Page();
        }

        var login = await CurrentLoginAsync();
        if (login is null || (hintSid is not null && hintSid == login.Session.Id))
        {
            return await LogOutAsync(login, redirect);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (_, redirect) = await CheckAsync();
        return Message is not null ? Page() : await LogOutAsync(await CurrentLoginAsync(), redirect);
    }

    private async Task<IActionResult> LogOutAsync(CurrentLogin? login, string? redirect)
    {
        if (login is not null)
        {
            await Accounts.EndSessionAsync(login.Session.Id, HttpContext.RequestAborted);
            await Audit.RecordAsync(HttpContext, "connect.logout", ClientId ?? "socle-connect", "-", login.Account.IdNat, AuditOutcome.Success, null, "Account", login.Account.Id.ToString("N"));
        }

        await HttpContext.SignOutAsync(ConnectCookies.Session);
        await HttpContext.SignOutAsync(ConnectCookies.Pending);
        if (redirect is not null)
        {
            return Redirect(State is null ? redirect : QueryHelpers.AddQueryString(redirect, "state", State));
        }

        Done = true;
        return Page();
    }

    /// <summary>Validates the hint and the redirect; returns the session the hint names and the URI to go back to.</summary>
    private async Task<(string? Sid, string? Redirect)> CheckAsync()
    {
        string? sid = null;
        if (!string.IsNullOrEmpty(IdTokenHint))
        {
            var signer = HttpContext.RequestServices.GetRequiredService<TokenSigner>();
            var issuer = HttpContext.RequestServices.GetRequiredService<IssuerResolver>().Current();
            var hint = await signer.ValidateOwnAsync(IdTokenHint, issuer, null, checkLifetime: false, HttpContext.RequestAborted);
            if (hint is null)
            {
                Message = "Le jeton fourni (id_token_hint) n'a pas été émis par Socle.";
                return (null, null);
            }

            var audience = hint.Audiences.FirstOrDefault();
            if (ClientId is not null && ClientId != audience)
            {
                Message = "client_id ne correspond pas au jeton fourni.";
                return (null, null);
            }

            ClientId = audience;
            sid = hint.TryGetPayloadValue<string>("sid", out var s) ? s : null;
        }

        if (string.IsNullOrEmpty(PostLogoutRedirectUri))
        {
            return (sid, null);
        }

        var client = ClientId is null ? null : await Db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == ClientId && c.Active, HttpContext.RequestAborted);
        var registered = client?.PostLogoutRedirectUris.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(PostLogoutRedirectUri, StringComparer.Ordinal) == true;
        if (!registered)
        {
            Message = "L'adresse de retour après déconnexion n'est pas enregistrée pour ce logiciel.";
            return (null, null);
        }

        return (sid, PostLogoutRedirectUri);
    }
}
