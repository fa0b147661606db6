using System.Text.Json.Serialization;

namespace Socle.Identity.Contracts;

/// <summary>A reference identity as printed by <c>socle sandbox identities</c>.</summary>
public sealed record SandboxIdentity(
    [property: JsonPropertyName("ins")] string Ins,
    [property: JsonPropertyName("oid")] string Oid,
    [property: JsonPropertyName("birthFamilyName")] string BirthFamilyName,
    [property: JsonPropertyName("birthGivenNames")] string BirthGivenNames,
    [property: JsonPropertyName("birthDate")] string BirthDate,
    [property: JsonPropertyName("gender")] string Gender,
    [property: JsonPropertyName("birthplace")] string Birthplace);
