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

    /// <summary>
    /// How often a host reads the revocations other hosts made: the longest an access token of a family revoked
    /// elsewhere still works here. Revocations made by this host apply at once.
    /// </summary>
    [Range(100, 60_000)]
    public int RevocationCheckIntervalMs { get; set; } = 1_000;

    /// <summary>
    /// How long a host keeps a client's registration between two reads: the longest a change made to it by another
    /// process (a client disabled in the database) takes to apply here.
    /// </summary>
    [Range(0, 60_000)]
    public int ClientCacheMs { get; set; } = 2_000;

    /// <summary>
    /// How many accepted access tokens a host remembers, so that a token sent again skips its signature check
    /// (docs/decisions/0019); 0 checks every signature.
    /// </summary>
    [Range(0, 1_000_000)]
    public int ValidatedTokenCacheSize { get; set; } = 5_000;

    [Range(60, 86_400)]
    public int IdTokenLifetimeSeconds { get; set; } = 3600;

    [Range(10, 600)]
    public int AuthorizationCodeLifetimeSeconds { get; set; } = 60;

    /// <summary>Lifetime of each refresh token of a rotation chain (30 days).</summary>
    [Range(300, 31_536_000)]
    public int RefreshTokenLifetimeSeconds { get; set; } = 2_592_000;

    /// <summary>How long a browser login session lasts before the person must log in again (8 hours).</summary>
    [Range(60, 604_800)]
    public int SessionLifetimeSeconds { get; set; } = 28_800;

    [Range(1, 720)]
    public int ActivationCodeLifetimeHours { get; set; } = 72;

    /// <summary>Failed logins of one account before a lockout; each further failure doubles it.</summary>
    [Range(1, 100)]
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>
    /// Failed logins from one source address before it is locked out: higher than per account, because a whole
    /// hospital often reaches the provider through one proxy address.
    /// </summary>
    [Range(1, 100_000)]
    public int AddressLockoutThreshold { get; set; } = 100;

    [Range(1, 3600)]
    public int LockoutSeconds { get; set; } = 60;

    /// <summary>Sandbox mode: every directory professional has an account with derived credentials (docs/decisions/0011).</summary>
    public bool SandboxAccounts { get; set; } = true;

    /// <summary>The FINESS of the organisation that runs the patient space (its identity repository holds patients' QUAL identities).</summary>
    public string PatientSpaceOrganisation { get; set; } = "750000010";
}
