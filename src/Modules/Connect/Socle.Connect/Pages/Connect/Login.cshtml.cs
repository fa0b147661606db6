using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Socle.Audit.Contracts;
using Socle.Connect.Accounts;

namespace Socle.Connect.Pages.Connect;

/// <summary>First factor: identifier and password, throttled per account and per address.</summary>
public sealed class LoginModel : ConnectPageModel
{
    [BindProperty(SupportsGet = true, Name = "login_hint")]
    public string? Login { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "Login")] string? login)
    {
        Login = login?.Trim();
        if (string.IsNullOrEmpty(Login) || string.IsNullOrEmpty(Password) || Login.Length > 256 || Password.Length > PasswordLength)
        {
            Message = "Saisissez votre identifiant et votre mot de passe.";
            return Page();
        }

        var attempt = await Accounts.CheckPasswordAsync(Login, Password, SourceAddress, HttpContext.RequestAborted);
        if (attempt.Outcome != AttemptOutcome.Success)
        {
            var locked = attempt.Outcome == AttemptOutcome.Locked;
            await Audit.RecordAsync(HttpContext, locked ? "connect.lockout" : "connect.login", "socle-connect", "-", attempt.Account?.IdNat, AuditOutcome.Denied,
                locked ? $"locked for {attempt.LockedSeconds} s" : "wrong identifier or password", "Account", attempt.Account?.Id.ToString("N"));
            Message = locked
                ? $"Trop de tentatives infructueuses. Réessayez dans {attempt.LockedSeconds} secondes."
                : "Identifiant ou mot de passe incorrect.";
            Response.StatusCode = locked ? StatusCodes.Status429TooManyRequests : StatusCodes.Status200OK;
            return Page();
        }

        var account = attempt.Account!;
        await HttpContext.SignInAsync(ConnectCookies.Pending, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ConnectCookies.AccountClaim, account.Id.ToString("N"))], ConnectCookies.Pending)));
        if (account.TotpSecret is null && account.SecondFactor != "email")
        {
            return RedirectToPage("/Connect/EnrolTotp", new { returnUrl = ReturnUrl });
        }

        if (account.SecondFactor == "email")
        {
            await Accounts.SendEmailCodeAsync(account, HttpContext.RequestAborted);
        }

        return RedirectToPage("/Connect/SecondFactor", new { returnUrl = ReturnUrl });
    }

    private const int PasswordLength = 1024;
}
