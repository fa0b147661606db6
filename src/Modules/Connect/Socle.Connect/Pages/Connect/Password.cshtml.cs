using Microsoft.AspNetCore.Mvc;
using Socle.Audit.Contracts;

namespace Socle.Connect.Pages.Connect;

public sealed class PasswordModel : ConnectPageModel
{
    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? Replacement { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public string? Message { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await CurrentLoginAsync() is null ? RedirectToPage("/Connect/Login", new { returnUrl = "/connect/password" }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var login = await CurrentLoginAsync();
        if (login is null)
        {
            return RedirectToPage("/Connect/Login", new { returnUrl = "/connect/password" });
        }

        if (Replacement != Confirmation)
        {
            Message = "Les deux saisies du nouveau mot de passe diffèrent.";
            return Page();
        }

        Message = await Accounts.ChangePasswordAsync(login.Account, Current ?? string.Empty, Replacement ?? string.Empty, HttpContext.RequestAborted);
        Done = Message is null;
        await Audit.RecordAsync(HttpContext, "connect.password-change", "socle-connect", "-", login.Account.IdNat, Done ? AuditOutcome.Success : AuditOutcome.Denied, Message is null ? null : "refused", "Account", login.Account.Id.ToString("N"));
        Message ??= "Votre mot de passe a été changé.";
        return Page();
    }
}
