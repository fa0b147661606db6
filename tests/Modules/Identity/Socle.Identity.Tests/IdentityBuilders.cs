using Socle.Identity.Domain;
using Socle.Identity.Domain.Local;
using Socle.Identity.Domain.Matching;
using Socle.Identity.Domain.Reference;

namespace Socle.Identity.Tests;

internal static class IdentityBuilders
{
    public static LocalIdentity Local(string family = "DUPONT", string given = "JEAN PIERRE", string birthDate = "1980-05-14")
    {
        var identity = new LocalIdentity { Id = Guid.NewGuid(), Organisation = "540002698", IppSystem = "urn:test", Ipp = "1" };
        identity.SetTraits(new InsTraits(family, given, DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture), Gender.Male, "75115"));
        return identity;
    }

    public static ReferenceIdentity Reference() => new()
    {
        Id = 1,
        Nir = Nir.Build(Gender.Male, new DateOnly(1980, 5, 14), "75115", 1),
        Oid = InsOids.NirTest,
        BirthFamilyName = "DUPONT",
        BirthGivenNames = "JEAN PIERRE",
        BirthDate = new DateOnly(1980, 5, 14),
        Gender = Gender.Male,
        Birthplace = "75115",
        FamilyKey = "DUPONT",
        GivenKey = "JEAN PIERRE",
    };

    public static MatchProbe Probe(string family, string given, string birthDate, Gender gender = Gender.Male, string? birthplace = "75115") =>
        new(InsName.Key(family), null, InsName.Key(given), DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture), gender, birthplace);
}
