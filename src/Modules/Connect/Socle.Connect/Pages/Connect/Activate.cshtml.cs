using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Socle.Audit.Contracts;
using Socle.Connect.Accounts;

namespace Socle.Connect.Pages.Connect;

/// <summary>A patient activates the account with the code delivered out of band, then enrols a second factor.</summary>
public sealed class ActivateModel : ConnectPageModel
{
    [BindProperty]
    public string? Login { get; set; }

    [BindProperty]
    public string? ActivationCode { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? SecondFactor { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Login) || string.IsNullOrWhiteSpace(ActivationCode) || string.IsNullOrEmpty(Password) || Login.Length > 256 || ActivationCode.Length > 64)
        {
            Message = "Remplissez tous les champs.";
            return Page();
        }

        var (account, error) = await Accounts.ActivateAsync(Login, ActivationCode, Password, SecondFactor ?? "totp", SourceAddress, HttpContext.RequestAborted);
        await Audit.RecordAsync(HttpContext, "connect.activate", "socle-connect", "-", account?.PatientId?.ToString("N"), account is null ? AuditOutcome.Denied : AuditOutcome.Success, error is null ? null : "refused", "Account", account?.Id.ToString("N"), account?.PatientId?.ToString("N"));
        if (account is null)
        {
            Message = error;
            return Page();
        }

        await HttpContext.SignInAsync(ConnectCookies.Pending, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ConnectCookies.AccountClaim, account.Id.ToString("N"))], ConnectCookies.Pending)));
        if (account.SecondFactor == "email")
        {
            await Accounts.SendEmailCodeAsync(account, HttpContext.RequestAborted);
            return RedirectToPage("/Connect/SecondFactor", new { returnUrl = ReturnUrl });
        }

        return RedirectToPage("/Connect/EnrolTotp", new { returnUrl = ReturnUrl });
    }
}
