using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Socle.Directory.Contracts;

namespace Socle.Connect.Pages.Connect;

/// <summary>A professional with several activities chooses the one they act in for this session.</summary>
public sealed class ActivityModel : ConnectPageModel
{
    [BindProperty]
    public string? ActivityId { get; set; }

    public IReadOnlyList<ActivityChoice> Activities { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var login = await CurrentLoginAsync();
        if (login is null || !login.Account.IsProfessional)
        {
            return BackToLogin();
        }

        Activities = await LoadAsync(login.Account.IdNat!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var login = await CurrentLoginAsync();
        if (login is null || !login.Account.IsProfessional)
        {
            return BackToLogin();
        }

        Activities = await LoadAsync(login.Account.IdNat!);
        if (Activities.All(a => a.Id != ActivityId))
        {
            Message = "Choisissez une de vos activités.";
            return Page();
        }

        await Accounts.ChooseActivityAsync(login.Session.Id, ActivityId!, HttpContext.RequestAborted);
        return LocalRedirect(SafeReturnUrl);
    }

    private async Task<IReadOnlyList<ActivityChoice>> LoadAsync(string idNat)
    {
        var professional = await HttpContext.RequestServices.GetRequiredService<IDirectory>().FindProfessionalAsync(idNat, HttpContext.RequestAborted);
        return professional?.Activities.Select(a => new ActivityChoice(
            a.Id,
            $"{a.Profession.Label ?? a.Profession.Code}{(a.Role?.Label is { } role ? " · " + role : string.Empty)} — {a.Structure?.Name ?? "sans structure"}{(a.Structure?.City is { } city ? ", " + city : string.Empty)}"))
            .ToList() ?? [];
    }
}

public sealed record ActivityChoice(string Id, string Label);
