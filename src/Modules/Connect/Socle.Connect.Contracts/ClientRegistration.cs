namespace Socle.Connect.Contracts;

/// <param name="Name">A display name for the software.</param>
/// <param name="Organisation">The FINESS of the organisation the client acts for.</param>
/// <param name="Scopes">The scopes the client may ask for (<c>module.right</c>, and openid, profile, scope_all for logins).</param>
public sealed record ClientRegistration(string Name, string Organisation, IReadOnlyCollection<string> Scopes)
{
    /// <summary>Grant types; client_credentials when none is given.</summary>
    public IReadOnlyCollection<string> GrantTypes { get; init; } = [];

    /// <summary>Redirect URIs of the code flow, compared exactly.</summary>
    public IReadOnlyCollection<string> RedirectUris { get; init; } = [];

    public IReadOnlyCollection<string> PostLogoutRedirectUris { get; init; } = [];

    /// <summary>Ask the person's consent before the first authorization (third-party software).</summary>
    public bool RequireConsent { get; init; }

    /// <summary>A public client (browser or mobile app): no secret, PKCE only.</summary>
    public bool Public { get; init; }

    /// <summary>PEM public key for private_key_jwt and RFC 7523 assertions (indirect authentication).</summary>
    public string? PublicKeyPem { get; init; }
}
