using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Socle.Connect.Accounts;
using Socle.Connect.Domain;
using Socle.Connect.Oidc;
using Socle.Connect.Storage;

namespace Socle.Connect.Pages.Connect;

/// <summary>What the Connect pages share: the safe return URL and the account of the pending or open session.</summary>
public abstract class ConnectPageModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    // The module's services are internal, so page models (public for Razor) resolve them per request.
    internal AccountService Accounts => HttpContext.RequestServices.GetRequiredService<AccountService>();

    internal ConnectAudit Audit => HttpContext.RequestServices.GetRequiredService<ConnectAudit>();

    internal ConnectDbContext Db => HttpContext.RequestServices.GetRequiredService<ConnectDbContext>();

    internal string? SourceAddress => HttpContext.Connection.RemoteIpAddress?.ToString();

    /// <summary>Only the authorize endpoint or a Connect page of this site: never an open redirect.</summary>
    internal static bool IsSafeReturnUrl(string? url) =>
        url is not null && url.StartsWith("/connect/", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.Contains('\\', StringComparison.Ordinal) && Uri.TryCreate(url, UriKind.Relative, out _);

    internal string SafeReturnUrl => IsSafeReturnUrl(ReturnUrl) ? ReturnUrl! : "/connect/account";

    internal async Task<Account?> PendingAccountAsync()
    {
        var result = await HttpContext.AuthenticateAsync(ConnectCookies.Pending);
        var id = result.Succeeded ? ConnectCookies.AccountId(result.Principal) : null;
        return id is null ? null : await Accounts.FindAsync(id.Value, HttpContext.RequestAborted);
    }

    /// <summary>The open login session (account and server-side session), if the session cookie is valid.</summary>
    internal async Task<CurrentLogin?> CurrentLoginAsync()
    {
        var result = await HttpContext.AuthenticateAsync(ConnectCookies.Session);
        return result.Succeeded ? await AuthorizeEndpoint.CurrentLoginAsync(Db, result.Principal!, HttpContext.RequestAborted) : null;
    }

    /// <summary>Both factors are done: opens the session, audits the login and goes back where the login started.</summary>
    internal async Task<IActionResult> CompleteLoginAsync(Account account, string amr)
    {
        var session = await Accounts.StartSessionAsync(account, amr, HttpContext.RequestAborted);
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [
                new System.Security.Claims.Claim(ConnectCookies.AccountClaim, account.Id.ToString("N")),
                new System.Security.Claims.Claim(ConnectCookies.SessionClaim, session.Id),
            ],
            ConnectCookies.Session));
        await HttpContext.SignOutAsync(ConnectCookies.Pending);
        await HttpContext.SignInAsync(ConnectCookies.Session, principal);
        await Audit.RecordAsync(HttpContext, "connect.login", "socle-connect", "-", account.IdNat ?? account.PatientId?.ToString("N"), Socle.Audit.Contracts.AuditOutcome.Success,
            $"amr={amr}", "Account", account.Id.ToString("N"), account.PatientId?.ToString("N"));
        return LocalRedirect(SafeReturnUrl);
    }

    internal IActionResult BackToLogin() => RedirectToPage("/Connect/Login", new { returnUrl = ReturnUrl });
}
