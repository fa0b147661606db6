using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Socle.Audit.Contracts;

namespace Socle.Connect.Pages.Connect;

/// <summary>The person's own page: who is logged in, and the consents given to third-party clients (revocable).</summary>
public sealed class AccountModel : ConnectPageModel
{
    public string Login { get; private set; } = string.Empty;

    public IReadOnlyList<ConsentView> Consents { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var login = await CurrentLoginAsync();
        if (login is null)
        {
            return RedirectToPage("/Connect/Login", new { returnUrl = "/connect/account" });
        }

        await LoadAsync(login);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string clientId)
    {
        var login = await CurrentLoginAsync();
        if (login is null)
        {
            return RedirectToPage("/Connect/Login", new { returnUrl = "/connect/account" });
        }

        var removed = await Db.Consents.Where(c => c.AccountId == login.Account.Id && c.ClientId == clientId).ExecuteDeleteAsync(HttpContext.RequestAborted);
        if (removed > 0)
        {
            await Audit.RecordAsync(HttpContext, "connect.consent-revoke", clientId, "-", login.Account.IdNat, AuditOutcome.Success, null, "Account", login.Account.Id.ToString("N"));
            Message = "L'autorisation a été retirée.";
        }

        await LoadAsync(login);
        return Page();
    }

    private async Task LoadAsync(Oidc.CurrentLogin login)
    {
        Login = login.Account.Login;
        Consents = await Db.Consents.AsNoTracking()
            .Where(c => c.AccountId == login.Account.Id)
            .Join(Db.Clients.AsNoTracking(), c => c.ClientId, k => k.ClientId, (c, k) => new ConsentView(c.ClientId, k.Name, c.Scopes))
            .ToListAsync(HttpContext.RequestAborted);
    }
}

public sealed record ConsentView(string ClientId, string Name, string Scopes);
