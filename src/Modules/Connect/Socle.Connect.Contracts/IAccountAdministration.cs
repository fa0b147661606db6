using System.Text.Json.Serialization;

namespace Socle.Connect.Contracts;

/// <summary>People's accounts and the provider's keys, for the CLI and the sandbox.</summary>
public interface IAccountAdministration
{
    /// <summary>An account for a directory professional, with a one-time initial password; TOTP is enrolled at first login.</summary>
    Task<ProfessionalAccount> CreateProfessionalAsync(string idNat, CancellationToken cancellationToken);

    /// <summary>A pending patient account bound to a QUAL identity; the activation code is delivered out of band.</summary>
    Task<PatientEnrolment> CreatePatientAsync(string ins, string? email, CancellationToken cancellationToken);

    /// <summary>Sandbox professionals' accounts (like test CPS cards): derived credentials, TOTP already enrolled.</summary>
    Task<IReadOnlyList<SandboxProfessionalAccount>> SandboxProfessionalsAsync(int count, string? professionCode, CancellationToken cancellationToken);

    /// <summary>Sandbox patients' accounts, on identities qualified in the patient space's repository.</summary>
    Task<IReadOnlyList<SandboxPatientAccount>> SandboxPatientsAsync(int count, CancellationToken cancellationToken);

    /// <summary>The next signing key starts signing; returns its key id.</summary>
    Task<string> RotateSigningKeysAsync(CancellationToken cancellationToken);
}

public sealed record ProfessionalAccount(
    [property: JsonPropertyName("login")] string Login,
    [property: JsonPropertyName("initialPassword")] string InitialPassword,
    [property: JsonPropertyName("idNat")] string IdNat);

public sealed record PatientEnrolment(
    [property: JsonPropertyName("login")] string Login,
    [property: JsonPropertyName("activationCode")] string ActivationCode,
    [property: JsonPropertyName("expiresAt")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("deliveredTo")] string? DeliveredTo);

public sealed record SandboxProfessionalAccount(
    [property: JsonPropertyName("login")] string Login,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("totpSecret")] string TotpSecret,
    [property: JsonPropertyName("idNat")] string IdNat);

public sealed record SandboxPatientAccount(
    [property: JsonPropertyName("login")] string Login,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("totpSecret")] string TotpSecret,
    [property: JsonPropertyName("ins")] string Ins);
