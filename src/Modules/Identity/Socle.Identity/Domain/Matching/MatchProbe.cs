namespace Socle.Identity.Domain.Matching;

/// <summary>The traits compared when looking for duplicates, as comparison keys.</summary>
internal sealed record MatchProbe(string FamilyKey, string? UsedFamilyKey, string GivenKey, DateOnly BirthDate, Gender Gender, string? Birthplace)
{
    public string PhoneticKey => FrenchPhonetic.Encode(FamilyKey);
}
