namespace Socle.Connect.Domain;

/// <summary>
/// Everything issued from one authorization: its code, every refresh token of the rotation chain and the access
/// tokens (which carry its id as <c>fid</c>). Revoking the family revokes all of them.
/// </summary>
internal sealed class TokenFamily
{
    public Guid Id { get; set; }

    public string ClientId { get; set; } = string.Empty;

    public Guid? AccountId { get; set; }

    /// <summary>The login session it came from (for logout), when there is one.</summary>
    public string? SessionId { get; set; }

    /// <summary>The person claims at login time (userinfo answers from here, not from today's directory).</summary>
    public string ClaimsJson { get; set; } = "{}";

    public long CreatedAtMs { get; set; }

    public long? RevokedAtMs { get; set; }

    public string? RevokedReason { get; set; }
}

internal static class GrantKinds
{
    public const string AuthorizationCode = "code";
    public const string RefreshToken = "refresh";

    /// <summary>The jti of a client assertion, kept until it expires so that it cannot be replayed.</summary>
    public const string AssertionId = "jti";
}

/// <summary>A single-use handle, stored as its SHA-256.</summary>
internal sealed class Grant
{
    public string HandleHash { get; set; } = string.Empty;

    public string Kind { get; set; } = GrantKinds.AuthorizationCode;

    public Guid? FamilyId { get; set; }

    public string ClientId { get; set; } = string.Empty;

    public string Scopes { get; set; } = string.Empty;

    public string? RedirectUri { get; set; }

    public string? CodeChallenge { get; set; }

    public string? Nonce { get; set; }

    public long CreatedAtMs { get; set; }

    public long ExpiresAtMs { get; set; }

    public long? ConsumedAtMs { get; set; }
}

/// <summary>A person's consent to a third-party client for a set of scopes; revocable from the account page.</summary>
internal sealed class Consent
{
    public Guid AccountId { get; set; }

    public string ClientId { get; set; } = string.Empty;

    public string Scopes { get; set; } = string.Empty;

    public long GrantedAtMs { get; set; }
}

/// <summary>A browser login session; ended by logout on any host.</summary>
internal sealed class LoginSession
{
    public string Id { get; set; } = string.Empty;

    public Guid AccountId { get; set; }

    public long AuthTimeMs { get; set; }

    public string Amr { get; set; } = string.Empty;

    /// <summary>The activity (situation d'exercice) a professional chose to act in.</summary>
    public string? ActivityId { get; set; }

    public long? EndedAtMs { get; set; }
}

/// <summary>Failed logins counted per key ("account:…" or "address:…") for rate limiting and progressive lockout.</summary>
internal sealed class LoginThrottleEntry
{
    public string Key { get; set; } = string.Empty;

    public int Failures { get; set; }

    public long LastFailureAtMs { get; set; }

    public long LockedUntilMs { get; set; }
}

/// <summary>A small named value of the module (the sandbox credential key).</summary>
internal sealed class ConnectSetting
{
    public string Name { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;
}

/// <summary>An ASP.NET Core data-protection key (cookies, antiforgery), shared by every host through the database.</summary>
internal sealed class DataProtectionKey
{
    public string FriendlyName { get; set; } = string.Empty;

    public string Xml { get; set; } = string.Empty;
}
