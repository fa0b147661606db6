namespace Socle.Identity.Fhir;

/// <summary>What a history row keeps of a version (no free text: traits, facts, attributes, merge link).</summary>
internal sealed record IdentitySnapshot(
    string BirthFamilyName,
    string BirthGivenNames,
    string? UsedFamilyName,
    string? UsedGivenName,
    string BirthDate,
    string Gender,
    string? Birthplace,
    string Status,
    string? Ins,
    string? InsOid,
    long? InsiRetrievedAtMs,
    string? ValidationDocument,
    long? ValidatedAtMs,
    bool Doubtful,
    bool Fictitious,
    bool Homonym,
    Guid? MergedIntoId);
