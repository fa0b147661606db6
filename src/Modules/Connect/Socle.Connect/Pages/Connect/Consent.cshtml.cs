using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Socle.Audit.Contracts;
using Socle.BuildingBlocks.Security;
using Socle.Connect.Domain;
using Socle.Connect.Oidc;
using Socle.Connect.Security;

namespace Socle.Connect.Pages.Connect;

/// <summary>Consent to a third-party client, remembered per client and scope, revocable from the account page.</summary>
public sealed class ConsentModel : ConnectPageModel
{
    [BindProperty]
    public string? Decision { get; set; }

    public string ClientName { get; private set; } = string.Empty;

    public IReadOnlyList<ScopeDefinition> Scopes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var (login, request) = await LoadAsync();
        return login is null || request is null ? BackToLogin() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (login, request) = await LoadAsync();
        if (login is null || request is null)
        {
            return BackToLogin();
        }

        var issuer = HttpContext.RequestServices.GetRequiredService<IssuerResolver>().Current();
        if (Decision != "accept")
        {
            await Audit.RecordAsync(HttpContext, "connect.consent", request.Client.ClientId, request.Client.Organisation, login.Account.IdNat, AuditOutcome.Denied, "refused", "Account", login.Account.Id.ToString("N"));
            return Redirect(request.ErrorRedirect(issuer, "access_denied", "The person refused the authorization."));
        }

        var consent = await Db.Consents.SingleOrDefaultAsync(c => c.AccountId == login.Account.Id && c.ClientId == request.Client.ClientId, HttpContext.RequestAborted);
        if (consent is null)
        {
            consent = new Consent { AccountId = login.Account.Id, ClientId = request.Client.ClientId };
            Db.Consents.Add(consent);
        }

        consent.Scopes = string.Join(' ', ScopeSet.Parse(consent.Scopes).Union(request.Scopes).Order(StringComparer.Ordinal));
        consent.GrantedAtMs = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds();
        await Db.SaveChangesAsync(HttpContext.RequestAborted);
        await Audit.RecordAsync(HttpContext, "connect.consent", request.Client.ClientId, request.Client.Organisation, login.Account.IdNat, AuditOutcome.Success, consent.Scopes, "Account", login.Account.Id.ToString("N"));
        return LocalRedirect(SafeReturnUrl);
    }

    private async Task<(CurrentLogin? Login, AuthorizationRequest? Request)> LoadAsync()
    {
        var login = await CurrentLoginAsync();
        if (login is null || !IsSafeReturnUrl(ReturnUrl) || !ReturnUrl!.StartsWith("/connect/authorize?", StringComparison.Ordinal))
        {
            return (null, null);
        }

        var query = QueryHelpers.ParseQuery(new Uri("http://socle" + ReturnUrl).Query);
        var clientId = query.TryGetValue("client_id", out var id) ? id.ToString() : string.Empty;
        var client = await Db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId && c.Active, HttpContext.RequestAborted);
        var request = AuthorizationRequest.Parse(query, client, out _, out var error);
        if (request is null || error is not null)
        {
            return (login, null);
        }

        var catalog = HttpContext.RequestServices.GetRequiredService<ScopeCatalog>();
        ClientName = request.Client.Name;
        Scopes = request.Scopes.Select(s => catalog.All.FirstOrDefault(d => d.Name == s) ?? new ScopeDefinition(s, s)).ToList();
        return (login, request);
    }
}
