namespace Socle.Connect.Domain;

internal static class AccountKinds
{
    public const string Professional = "pro";
    public const string Patient = "patient";
}

internal static class AccountStates
{
    /// <summary>A patient account waiting for its activation code.</summary>
    public const string Pending = "pending";
    public const string Active = "active";
    public const string Disabled = "disabled";
}

/// <summary>
/// A person's login. A professional account belongs to one directory professional (IdNat_PS); a patient account
/// to one qualified identity (internal patient id; the INS stays in the Identity module).
/// </summary>
internal sealed class Account
{
    public Guid Id { get; set; }

    public string Kind { get; set; } = AccountKinds.Professional;

    /// <summary>What the person types: the IdNat_PS for a professional, a generated or e-mail login for a patient.</summary>
    public string Login { get; set; } = string.Empty;

    public string? IdNat { get; set; }

    public Guid? PatientId { get; set; }

    public string? Email { get; set; }

    public string State { get; set; } = AccountStates.Active;

    public string? PasswordHash { get; set; }

    /// <summary>Base32 TOTP secret once enrolment is confirmed.</summary>
    public string? TotpSecret { get; set; }

    /// <summary>The last TOTP step accepted: a code of that step or earlier is a replay.</summary>
    public long TotpLastStep { get; set; }

    /// <summary>"totp" or "email" (patients may receive a code by e-mail instead of an authenticator app).</summary>
    public string SecondFactor { get; set; } = "totp";

    public string? EmailCodeHash { get; set; }

    public long? EmailCodeExpiresAtMs { get; set; }

    public string? ActivationCodeHash { get; set; }

    public long? ActivationExpiresAtMs { get; set; }

    /// <summary>Created from sandbox credentials (derived, reprintable by <c>socle sandbox accounts</c>).</summary>
    public bool Sandbox { get; set; }

    public long CreatedAtMs { get; set; }

    public long? PasswordChangedAtMs { get; set; }

    public bool IsProfessional => Kind == AccountKinds.Professional;
}
