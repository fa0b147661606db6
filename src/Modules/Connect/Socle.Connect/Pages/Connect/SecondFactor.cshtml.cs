using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Socle.Audit.Contracts;
using Socle.Connect.Accounts;

namespace Socle.Connect.Pages.Connect;

/// <summary>Second factor: a TOTP code (single use within its window) or a code sent by e-mail (patients).</summary>
public sealed class SecondFactorModel : ConnectPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string? Message { get; private set; }

    public bool ByEmail { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await PendingAccountAsync();
        if (account is null)
        {
            return BackToLogin();
        }

        ByEmail = account.SecondFactor == "email";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await PendingAccountAsync();
        if (account is null)
        {
            return BackToLogin();
        }

        ByEmail = account.SecondFactor == "email";
        var attempt = await Accounts.CheckSecondFactorAsync(account, Code ?? string.Empty, SourceAddress, HttpContext.RequestAborted);
        if (attempt.Outcome == AttemptOutcome.Success)
        {
            return await CompleteLoginAsync(account, ByEmail ? "pwd otp mca" : "pwd otp");
        }

        var locked = attempt.Outcome == AttemptOutcome.Locked;
        await Audit.RecordAsync(HttpContext, locked ? "connect.lockout" : "connect.login", "socle-connect", "-", account.IdNat, AuditOutcome.Denied,
            locked ? $"locked for {attempt.LockedSeconds} s" : "wrong or replayed one-time code", "Account", account.Id.ToString("N"));
        Message = locked
            ? $"Trop de tentatives infructueuses. Réessayez dans {attempt.LockedSeconds} secondes."
            : "Code incorrect, expiré ou déjà utilisé.";
        Response.StatusCode = locked ? StatusCodes.Status429TooManyRequests : StatusCodes.Status200OK;
        return Page();
    }
}
