using System.Globalization;
using System.Text;
using Socle.BuildingBlocks.Identifiers;
using Socle.Directory.Extracts;

namespace Socle.Directory.Sandbox;

/// <summary>
/// Writes a synthetic directory in the four public extract formats. The same arguments always give the same
/// files. <c>day</c> 1, 2... gives the next days' extracts: about 1 % of the records change (a name, a workplace,
/// a phone number), some professionals leave and a few join, as in the daily national files.
/// </summary>
internal sealed class DirectoryGenerator(TimeProvider clock)
{
    public const int Seed = 20_240_601;
    private const int PersonalMailboxPercent = 60;
    private const string ProfessionalType = "8";

    private static readonly int TotalWeight = SandboxCatalog.Professions.Sum(p => p.Weight);

    public GeneratedExtract Write(int persons, string directory, int day, IProgress<long>? progress)
    {
        System.IO.Directory.CreateDirectory(directory);
        var stamp = clock.GetUtcNow().AddDays(day).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var structures = new SandboxStructures(persons / 6, day);
        var paths = ExtractKind.All.Select(k => Path.Combine(directory, $"{k.FilePrefix}_{stamp}.txt")).ToArray();
        using var activities = Open(paths[0], ExtractKind.PersonActivity);
        using var specialties = Open(paths[1], ExtractKind.SavoirFaire);
        using var diplomas = Open(paths[2], ExtractKind.Diplomas);
        using var mailboxes = Open(paths[3], ExtractKind.Mailboxes);
        long activityRows = 0;
        long mailboxRows = 0;

        // Joiners of day d take the indexes after those of the previous days.
        var joiners = day == 0 ? 0 : Math.Max(1, persons / 500) * day;
        for (var i = 0; i < persons + joiners; i++)
        {
            if (day > 0 && Changes(i, day, salt: 1, perThousand: 2))
            {
                continue; // left the directory on this day
            }

            var person = SandboxPerson.Create(i, day, structures);
            foreach (var activity in person.Activities)
            {
                Line(activities, ActivityFields(person, activity));
                activityRows++;
            }

            if (person.Specialty is { } specialty)
            {
                Line(specialties, [ProfessionalType, person.Rpps, person.IdNat, person.Family, person.Given, person.Profile.Profession.Value,
                    person.Profile.Profession.Label, SandboxCatalog.CivilCategory.Value, SandboxCatalog.CivilCategory.Label,
                    SandboxCatalog.SpecialtyType.Value, SandboxCatalog.SpecialtyType.Label, specialty.Value, specialty.Label]);
            }

            var diploma = SandboxCatalog.Diploma(person.Profile.Profession);
            Line(diplomas, [ProfessionalType, person.Rpps, person.IdNat, person.Family, person.Given, SandboxCatalog.StateDiplomaType.Value,
                SandboxCatalog.StateDiplomaType.Label, diploma.Value, diploma.Label, string.Empty, string.Empty, string.Empty, string.Empty]);

            if (person.Random.Next(100) < PersonalMailboxPercent)
            {
                var address = $"{SandboxNames.Slug(person.Given)}.{SandboxNames.Slug(person.Family)}{i}@{person.Profile.MailDomain}";
                Line(mailboxes, MailboxFields("PER", address, person, person.Activities[0].Structure, string.Empty));
                mailboxRows++;
            }

            if (i % 10_000 == 0)
            {
                progress?.Report(i);
            }
        }

        foreach (var structure in structures.WithOrganisationMailboxes())
        {
            var services = structure.Kind == StructureKind.Hospital ? new[] { "urgences", "cardiologie", "pediatrie" } : ["secretariat"];
            foreach (var service in services)
            {
                Line(mailboxes, MailboxFields("ORG", $"{service}@{structure.MailDomain}", null, structure, service));
                mailboxRows++;
            }
        }

        progress?.Report(persons + joiners);
        return new GeneratedExtract(paths, activityRows, mailboxRows);
    }

    /// <summary>Whether record <paramref name="index"/> is among the ones that change on <paramref name="day"/>.</summary>
    public static bool Changes(int index, int day, int salt, int perThousand)
    {
        return Mix((uint)index, (uint)((day * 7919) + salt)) % 1000 < perThousand;
    }

    private static uint Mix(uint a, uint b)
    {
        // A fixed integer hash (HashCode is randomised per process, and the files must be reproducible).
        var x = (a * 0x9E3779B1u) ^ (b * 0x85EBCA77u);
        x ^= x >> 15;
        x *= 0x2C1B3C6Du;
        x ^= x >> 12;
        return x;
    }

    private static string[] ActivityFields(SandboxPerson p, SandboxActivity a)
    {
        var s = a.Structure;
        var profession = p.Profile.Profession;
        var specialty = p.Specialty ?? Code.None;
        var specialtyType = p.Specialty is null ? Code.None : SandboxCatalog.SpecialtyType;
        string[] structure = s is null
            ? Enumerable.Repeat(string.Empty, 29).ToArray()
            : [s.Siret, s.Siren, s.FinessSite, s.FinessLegal, s.TechnicalId, s.Name, string.Empty, string.Empty, string.Empty, s.StreetNumber,
                string.Empty, s.StreetType.Code, s.StreetType.Label, s.Street, string.Empty, string.Empty, s.Place.PostalCode, s.Place.CommuneCode,
                s.Place.City, "99100", "France", s.Phone, string.Empty, string.Empty, s.Email, s.Place.DepartmentCode, s.Place.Department,
                string.Empty, s.FinessSite.Length > 0 ? "ARS/ARS/ARS" : "RPPS/RPPS/RPPS"];
        return
        [
            ProfessionalType, p.Rpps, p.IdNat, p.ExerciseCivility.Value, p.ExerciseCivility.Label, p.Civility.Value, p.Civility.Label,
            p.Family, p.Given, profession.Value, profession.Label, SandboxCatalog.CivilCategory.Value, SandboxCatalog.CivilCategory.Label,
            specialtyType.Value, specialtyType.Label, specialty.Value, specialty.Label, a.Mode.Value, a.Mode.Label,
            .. structure,
            a.Sector.Value, a.Sector.Label, a.Section.Value, a.Section.Label, a.Role.Value, a.Role.Label,
            SandboxCatalog.StandardGenre.Value, SandboxCatalog.StandardGenre.Label,
        ];
    }

    private static string[] MailboxFields(string type, string address, SandboxPerson? p, SandboxStructure? s, string service)
    {
        var profession = p?.Profile.Profession ?? Code.None;
        var specialty = p?.Specialty ?? Code.None;
        return
        [
            type, address, p is null ? string.Empty : ProfessionalType, p?.Rpps ?? string.Empty, p?.IdNat ?? string.Empty,
            s is null ? string.Empty : s.FinessSite.Length > 0 ? "1" : s.Siret.Length > 0 ? "3" : string.Empty,
            s is null ? string.Empty : s.FinessSite.Length > 0 ? "1" + s.FinessSite : s.Siret.Length > 0 ? "3" + s.Siret : string.Empty,
            service, p?.ExerciseCivility.Label ?? string.Empty, p?.Family ?? string.Empty, p?.Given ?? string.Empty,
            p is null ? string.Empty : SandboxCatalog.CivilCategory.Value, p is null ? string.Empty : SandboxCatalog.CivilCategory.Label,
            profession.Value, profession.Label, specialty.Value, specialty.Label, p is null ? string.Empty : "O",
            s?.Name ?? string.Empty, string.Empty, string.Empty, string.Empty, s?.StreetNumber ?? string.Empty, string.Empty,
            s?.StreetType.Label ?? string.Empty, s?.Street ?? string.Empty, string.Empty,
            s is null ? string.Empty : $"{s.Place.PostalCode} {s.Place.City}", s?.Place.PostalCode ?? string.Empty,
            s?.Place.DepartmentCode ?? string.Empty, s is null ? string.Empty : "FRANCE",
        ];
    }

    private static StreamWriter Open(string path, ExtractKind kind)
    {
        var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20) { NewLine = "\n" };
        writer.WriteLine(kind.HeaderLine);
        return writer;
    }

    private static void Line(StreamWriter writer, string[] fields) => writer.WriteLine(string.Join('|', fields));

    internal static string RppsOf(int index)
    {
        var body = (1_000_000_000L + index).ToString(CultureInfo.InvariantCulture);
        return body + Luhn.CheckDigit(body);
    }

    internal static ProfessionProfile PickProfession(Random random)
    {
        var roll = random.Next(TotalWeight);
        foreach (var profile in SandboxCatalog.Professions)
        {
            if ((roll -= profile.Weight) < 0)
            {
                return profile;
            }
        }

        return SandboxCatalog.Professions[0];
    }
}
