namespace Socle.Connect.Domain;

internal sealed class ClientApplication
{
    public string ClientId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Organisation { get; set; } = string.Empty;

    /// <summary>Space-separated scopes the client may request.</summary>
    public string Scopes { get; set; } = string.Empty;

    /// <summary>SHA-256 of the secret, hex (secrets are 256-bit random, see docs/decisions/0004).</summary>
    public string SecretHash { get; set; } = string.Empty;

    public long CreatedAtMs { get; set; }

    public bool Active { get; set; } = true;
}
