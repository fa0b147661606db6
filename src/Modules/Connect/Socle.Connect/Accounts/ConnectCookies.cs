using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Socle.Connect.Domain;
using Socle.Connect.Storage;

namespace Socle.Connect.Accounts;

/// <summary>
/// The two browser cookies of the login pages: a short "pending" one between password and second factor, and the
/// session one once both factors are done. The session cookie names a server-side session, so that a logout on
/// any host ends it everywhere.
/// </summary>
internal static class ConnectCookies
{
    public const string Session = "SocleConnectSession";
    public const string Pending = "SocleConnectPending";
    public const string AccountClaim = "aid";
    public const string SessionClaim = "sid";
    public const string AuthTimeClaim = "auth_time";

    public static void Configure(AuthenticationBuilder builder)
    {
        builder.AddCookie(Session, o =>
        {
            o.Cookie.Name = "socle.connect";
            o.Cookie.Path = "/connect";
            Harden(o);
            o.LoginPath = "/connect/login";
            o.AccessDeniedPath = "/connect/login";
            o.Events.OnValidatePrincipal = ValidateSessionAsync;
        });
        builder.AddCookie(Pending, o =>
        {
            o.Cookie.Name = "socle.connect.pending";
            o.Cookie.Path = "/connect";
            Harden(o);
            o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
            o.SlidingExpiration = false;
            o.LoginPath = "/connect/login";
        });
    }

    public static Guid? AccountId(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirst(AccountClaim)?.Value, out var id) ? id : null;

    private static void Harden(CookieAuthenticationOptions o)
    {
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax; // Lax: the browser must send it when a client redirects to /connect/authorize.
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Cookie.IsEssential = true;
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var sid = context.Principal?.FindFirst(SessionClaim)?.Value;
        var db = context.HttpContext.RequestServices.GetRequiredService<ConnectDbContext>();
        var alive = sid is not null && await db.Sessions.AnyAsync(
            s => s.Id == sid && s.EndedAtMs == null && db.Accounts.Any(a => a.Id == s.AccountId && a.State == AccountStates.Active),
            context.HttpContext.RequestAborted);
        if (!alive)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Session);
        }
    }
}
