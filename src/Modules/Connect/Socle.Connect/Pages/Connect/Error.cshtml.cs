using Microsoft.AspNetCore.Mvc;

namespace Socle.Connect.Pages.Connect;

/// <summary>Where authorization requests that cannot be answered to the client (unknown client, unregistered redirect URI) end.</summary>
public sealed class ErrorModel : ConnectPageModel
{
    private static readonly HashSet<string> KnownReasons =
    [
        "Un paramètre de la demande est répété.",
        "La demande ne précise pas de client_id.",
        "Ce logiciel client n'est pas connu de Socle.",
        "L'adresse de retour (redirect_uri) n'est pas enregistrée pour ce logiciel client.",
    ];

    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    /// <summary>Only the provider's own messages are shown: a link cannot make this page say something else.</summary>
    public void OnGet() => Reason = Reason is not null && KnownReasons.Contains(Reason) ? Reason : "La demande d'autorisation est invalide.";
}
