using System.ComponentModel.DataAnnotations;

namespace Socle.Connect;

public sealed class ConnectOptions
{
    public const string SectionName = "Socle:Connect";

    /// <summary>The token audience of every Socle resource endpoint.</summary>
    public const string Audience = "socle";

    /// <summary>
    /// The issuer URL (for example https://socle.example.org/connect). Empty: derived from each request's base
    /// address, which suits a sandbox reached under several names.
    /// </summary>
    [Url]
    public string? Issuer { get; set; }

    [Range(60, 86_400)]
    public int AccessTokenLifetimeSeconds { get; set; } = 3600;
}
