namespace Socle.Connect.Domain;

internal sealed class ClientApplication
{
    public string ClientId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Organisation { get; set; } = string.Empty;

    /// <summary>Space-separated scopes the client may request.</summary>
    public string Scopes { get; set; } = string.Empty;

    /// <summary>SHA-256 of the secret, hex (secrets are 256-bit random, see docs/decisions/0004); empty for a client without a secret.</summary>
    public string SecretHash { get; set; } = string.Empty;

    /// <summary>Space-separated grant types (client_credentials, authorization_code, refresh_token, jwt-bearer URN).</summary>
    public string GrantTypes { get; set; } = "client_credentials";

    /// <summary>Space-separated redirect URIs, compared exactly.</summary>
    public string RedirectUris { get; set; } = string.Empty;

    /// <summary>Space-separated URIs the end-session endpoint may send the browser back to.</summary>
    public string PostLogoutRedirectUris { get; set; } = string.Empty;

    public bool RequireConsent { get; set; }

    /// <summary>PEM public key (EC P-256 or RSA) for private_key_jwt client authentication and RFC 7523 assertions.</summary>
    public string? PublicKeyPem { get; set; }

    public long CreatedAtMs { get; set; }

    public bool Active { get; set; } = true;

    public bool IsPublic => SecretHash.Length == 0 && PublicKeyPem is null;

    public IReadOnlyList<string> RedirectUriList => RedirectUris.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Allows(string grantType) => GrantTypes.Split(' ').Contains(grantType, StringComparer.Ordinal);
}
