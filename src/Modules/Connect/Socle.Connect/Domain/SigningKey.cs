namespace Socle.Connect.Domain;

/// <summary>An ES256 key pair. Kept in the database so that every host of a cluster signs and validates alike.</summary>
internal sealed class SigningKey
{
    public string KeyId { get; set; } = string.Empty;

    public string Algorithm { get; set; } = "ES256";

    public string PrivateKeyPem { get; set; } = string.Empty;

    public long CreatedAtMs { get; set; }

    /// <summary>When the key started signing; null for the next key, published ahead so that caches already hold it.</summary>
    public long? ActivatedAtMs { get; set; }

    /// <summary>Retired keys stay published (to validate tokens already issued) but no longer sign.</summary>
    public long? RetiredAtMs { get; set; }
}
