namespace Socle.Directory.Sandbox;

/// <summary>One activity of a synthetic professional; no structure for a professional without a workplace.</summary>
internal sealed record SandboxActivity(SandboxStructure? Structure, Code Mode, Code Sector, Code Role, Code Section);

/// <summary>A synthetic professional: the same index always gives the same person (for a given day).</summary>
internal sealed record SandboxPerson(
    int Index, Random Random, ProfessionProfile Profile, string Rpps, string Family, string Given, Code Civility, Code ExerciseCivility,
    Code? Specialty, IReadOnlyList<SandboxActivity> Activities)
{
    public string IdNat => Domain.ProfessionalIds.RppsType + Rpps;

    public static SandboxPerson Create(int index, int day, SandboxStructures structures)
    {
        var random = new Random(unchecked(DirectoryGenerator.Seed + (index * 7919)));
        var profile = DirectoryGenerator.PickProfession(random);
        var femaleShare = profile.Profession.Value is "50" or "60" or "91" ? 85 : 50;
        var female = random.Next(100) < femaleShare;
        var family = SandboxNames.Families[random.Next(SandboxNames.Families.Length)];
        var givenNames = female ? SandboxNames.FemaleGiven : SandboxNames.MaleGiven;
        var given = givenNames[random.Next(givenNames.Length)];
        if (day > 0 && DirectoryGenerator.Changes(index, day, salt: 2, perThousand: 5))
        {
            family = $"{family}-{SandboxNames.Families[(index + day) % SandboxNames.Families.Length]}";
        }

        Code? specialty = profile.Profession.Value == "10" ? SandboxCatalog.DoctorSpecialties[random.Next(SandboxCatalog.DoctorSpecialties.Length)] : null;
        var roll = random.Next(100);
        var count = roll < 2 ? 0 : roll < 85 ? 1 : roll < 97 ? 2 : 3;
        var activities = new List<SandboxActivity>();
        var moved = day > 0 && DirectoryGenerator.Changes(index, day, salt: 4, perThousand: 5);
        for (var a = 0; a < count; a++)
        {
            var kind = profile.Workplaces[random.Next(profile.Workplaces.Length)];
            var structure = structures.Pick(kind, random);
            if (moved && a == 0)
            {
                structure = structures.Pick(kind, new Random(unchecked(index + (day * 31))));
            }

            if (activities.Any(x => x.Structure?.Index == structure.Index))
            {
                continue;
            }

            activities.Add(Activity(structure, profile, owner: a == 0 && random.Next(100) < 40));
        }

        if (activities.Count == 0)
        {
            activities.Add(new SandboxActivity(null, Code.None, Code.None, Code.None, Code.None));
        }

        var exerciseCivility = profile.Doctorate ? SandboxCatalog.DoctorCivility : Code.None;
        return new SandboxPerson(index, random, profile, DirectoryGenerator.RppsOf(index), family, given, SandboxCatalog.Civility(female), exerciseCivility, specialty, activities);
    }

    private static SandboxActivity Activity(SandboxStructure structure, ProfessionProfile profile, bool owner)
    {
        var pharmacist = profile.Profession.Value == "21";
        return structure.Kind switch
        {
            StructureKind.Hospital => new(structure, SandboxCatalog.Salaried, SandboxCatalog.PublicHospitalSector, SandboxCatalog.SalariedRole,
                pharmacist ? SandboxCatalog.HospitalPharmacistSection : Code.None),
            StructureKind.Clinic => new(structure, SandboxCatalog.Salaried, SandboxCatalog.PrivateHospitalSector, SandboxCatalog.SalariedRole, Code.None),
            StructureKind.Pharmacy => owner
                ? new(structure, SandboxCatalog.Liberal, SandboxCatalog.PharmacySector, SandboxCatalog.OwnerRole, SandboxCatalog.PharmacyOwnerSection)
                : new(structure, SandboxCatalog.Salaried, SandboxCatalog.PharmacySector, SandboxCatalog.SalariedRole, SandboxCatalog.PharmacyAssistantSection),
            _ => new(structure, SandboxCatalog.Liberal, owner ? SandboxCatalog.PracticeSector : SandboxCatalog.GroupPracticeSector, SandboxCatalog.OwnerRole, Code.None),
        };
    }
}
