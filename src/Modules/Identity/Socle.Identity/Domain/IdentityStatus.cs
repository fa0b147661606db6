namespace Socle.Identity.Domain;

/// <summary>The four RNIV identity statuses, mutually exclusive (reference §1).</summary>
internal enum IdentityStatus
{
    /// <summary>PROV: traits not from INSi, not checked on a high-trust document.</summary>
    Provisional,

    /// <summary>VALI: checked on a high-trust document, traits not from INSi.</summary>
    Validated,

    /// <summary>RECUP: traits retrieved from INSi, not checked on a document.</summary>
    Retrieved,

    /// <summary>QUAL: retrieved from INSi and checked on a high-trust document; only then may the INS be shared.</summary>
    Qualified,
}

internal static class Rniv
{
    public const string StatusSystem = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status";

    /// <summary>The status is derived from two facts, never set by hand.</summary>
    public static IdentityStatus Derive(bool retrievedFromInsi, bool checkedOnHighTrustDocument) =>
        (retrievedFromInsi, checkedOnHighTrustDocument) switch
        {
            (true, true) => IdentityStatus.Qualified,
            (true, false) => IdentityStatus.Retrieved,
            (false, true) => IdentityStatus.Validated,
            _ => IdentityStatus.Provisional,
        };

    public static string Code(this IdentityStatus status) => status switch
    {
        IdentityStatus.Qualified => "QUAL",
        IdentityStatus.Retrieved => "RECUP",
        IdentityStatus.Validated => "VALI",
        _ => "PROV",
    };
}
