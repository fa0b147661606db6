using System.Globalization;
using Socle.BuildingBlocks.Identifiers;

namespace Socle.Directory.Sandbox;

/// <summary>A synthetic structure with the columns the Personne_activite extract gives it.</summary>
internal sealed record SandboxStructure(
    int Index, StructureKind Kind, string TechnicalId, string FinessSite, string FinessLegal, string Siret, string Siren,
    string Name, string StreetNumber, (string Code, string Label) StreetType, string Street, SandboxPlace Place, string Phone, string Email, string MailDomain);

/// <summary>
/// The structures of the synthetic directory: a deterministic pool where each index always gives the same structure,
/// split by kind (about 2 % hospitals, 4 % clinics, 20 % pharmacies, the rest practices).
/// </summary>
internal sealed class SandboxStructures(int count, int day)
{
    private readonly int hospitals = Math.Max(3, count * 2 / 100);
    private readonly int clinics = Math.Max(3, count * 4 / 100);
    private readonly int pharmacies = Math.Max(6, count * 20 / 100);

    public int Count { get; } = Math.Max(20, count);

    public SandboxStructure Pick(StructureKind kind, Random random) => kind switch
    {
        StructureKind.Hospital => Get(random.Next(hospitals)),
        StructureKind.Clinic => Get(hospitals + random.Next(clinics)),
        StructureKind.Pharmacy => Get(hospitals + clinics + random.Next(pharmacies)),
        _ => Get(hospitals + clinics + pharmacies + random.Next(Count - hospitals - clinics - pharmacies)),
    };

    public IEnumerable<SandboxStructure> WithOrganisationMailboxes() =>
        Enumerable.Range(0, hospitals + clinics).Select(Get);

    public SandboxStructure Get(int index)
    {
        var random = new Random(unchecked((DirectoryGenerator.Seed * 31) + index));
        var kind = index < hospitals ? StructureKind.Hospital
            : index < hospitals + clinics ? StructureKind.Clinic
            : index < hospitals + clinics + pharmacies ? StructureKind.Pharmacy
            : StructureKind.Practice;
        var place = SandboxNames.Places[random.Next(SandboxNames.Places.Length)];
        var family = SandboxNames.Families[random.Next(SandboxNames.Families.Length)];
        var street = SandboxNames.Streets[random.Next(SandboxNames.Streets.Length)];
        var streetType = SandboxNames.StreetTypes[random.Next(SandboxNames.StreetTypes.Length)];
        var number = (1 + random.Next(180)).ToString(CultureInfo.InvariantCulture);
        var phone = Phone(place, random);
        if (day > 0 && DirectoryGenerator.Changes(index, day, salt: 3, perThousand: 5))
        {
            phone = Phone(place, new Random(unchecked(index + day)));
        }

        var (finessSite, finessLegal) = kind == StructureKind.Practice ? (string.Empty, string.Empty) : (Finess(place, index, 0), Finess(place, index, 1));
        var (siren, siret) = kind == StructureKind.Practice && random.Next(100) < 30 ? Sirene(index) : (string.Empty, string.Empty);
        var technicalId = finessSite.Length > 0 ? "F" + finessSite : siret.Length > 0 ? "S" + siret : "R" + (10_000_000_000L + index).ToString(CultureInfo.InvariantCulture);
        var slug = SandboxNames.Slug(place.City.Split(' ')[0]);
        var (name, domain) = kind switch
        {
            StructureKind.Hospital => ($"CENTRE HOSPITALIER {index} DE {place.City}", $"ch-{slug}-{index}.mssante.fr"),
            StructureKind.Clinic => ($"CLINIQUE {street} {index}", $"clinique-{slug}-{index}.mssante.fr"),
            StructureKind.Pharmacy => ($"PHARMACIE {family}", string.Empty),
            _ => ($"CABINET {family} {index}", string.Empty),
        };
        var email = domain.Length > 0 ? $"contact@{domain.Replace(".mssante.fr", ".fr", StringComparison.Ordinal)}" : string.Empty;
        return new SandboxStructure(index, kind, technicalId, finessSite, finessLegal, siret, siren, name, number, streetType, street, place, phone, email, domain);
    }

    private static string Phone(SandboxPlace place, Random random) =>
        "0" + (place.DepartmentCode.StartsWith("97", StringComparison.Ordinal) ? "2" : "4") + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    /// <summary>A FINESS number in the place's department: two department characters, a kind digit, five digits, the Luhn key.</summary>
    private static string Finess(SandboxPlace place, int index, int legal)
    {
        var body = place.DepartmentCode[..2] + (char)('0' + (2 * (index / 100_000)) + legal) + (index % 100_000).ToString("D5", CultureInfo.InvariantCulture);
        var digits = body.StartsWith("2A", StringComparison.Ordinal) || body.StartsWith("2B", StringComparison.Ordinal) ? "20" + body[2..] : body;
        return body + Luhn.CheckDigit(digits);
    }

    private static (string Siren, string Siret) Sirene(int index)
    {
        var sirenBody = "8" + (index % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        var siren = sirenBody + Luhn.CheckDigit(sirenBody);
        var siretBody = siren + "0001";
        return (siren, siretBody + Luhn.CheckDigit(siretBody));
    }
}
