namespace Socle.Identity.Domain.Reference;

/// <summary>An identity of the (synthetic) national reference behind the INSi teleservice.</summary>
internal sealed class ReferenceIdentity
{
    /// <summary>The generator's index: the population is prefix-stable, so seeding more only appends.</summary>
    public long Id { get; set; }

    public string Nir { get; set; } = string.Empty;

    public string Oid { get; set; } = string.Empty;

    public string BirthFamilyName { get; set; } = string.Empty;

    public string BirthGivenNames { get; set; } = string.Empty;

    public DateOnly BirthDate { get; set; }

    public Gender Gender { get; set; }

    public string Birthplace { get; set; } = string.Empty;

    public string FamilyKey { get; set; } = string.Empty;

    public string GivenKey { get; set; } = string.Empty;

    public InsTraits Traits => new(BirthFamilyName, BirthGivenNames, BirthDate, Gender, Birthplace);
}
