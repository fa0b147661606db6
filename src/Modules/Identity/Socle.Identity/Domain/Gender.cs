namespace Socle.Identity.Domain;

/// <summary>The administrative sex of the INS traits; the NIR carries only male (1) or female (2).</summary>
internal enum Gender
{
    Male,
    Female,
    Unknown,
}

internal static class GenderCodes
{
    public static string ToFhir(this Gender gender) => gender switch
    {
        Gender.Male => "male",
        Gender.Female => "female",
        _ => "unknown",
    };

    public static Gender? FromFhir(string? code) => code switch
    {
        "male" => Gender.Male,
        "female" => Gender.Female,
        "unknown" => Gender.Unknown,
        _ => null,
    };
}
