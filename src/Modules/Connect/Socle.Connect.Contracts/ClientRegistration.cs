namespace Socle.Connect.Contracts;

/// <param name="Name">A display name for the software.</param>
/// <param name="Organisation">The FINESS of the organisation the client acts for.</param>
/// <param name="Scopes">The scopes the client may ask for (<c>module.right</c>).</param>
public sealed record ClientRegistration(string Name, string Organisation, IReadOnlyCollection<string> Scopes);
