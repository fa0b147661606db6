namespace Socle.Identity.Domain;

/// <summary>Key material of the module (the HMAC key of retrieval ids), shared by every host through the database.</summary>
internal sealed class IdentitySecret
{
    public string Name { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;
}
