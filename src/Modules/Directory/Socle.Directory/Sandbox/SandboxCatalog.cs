namespace Socle.Directory.Sandbox;

/// <summary>A code with its published label, as the extracts carry them.</summary>
internal readonly record struct Code(string Value, string Label)
{
    public static readonly Code None = new(string.Empty, string.Empty);
}

/// <summary>What a sandbox profession looks like: its share, where it works and how its mailboxes are named.</summary>
internal sealed record ProfessionProfile(Code Profession, int Weight, string MailDomain, bool Doctorate, StructureKind[] Workplaces);

internal enum StructureKind
{
    Hospital,
    Clinic,
    Pharmacy,
    Practice,
}

/// <summary>
/// The terminology values the sandbox generator uses. Profession codes are TRE_G15; the other codes are a sample
/// of the NOS tables the extracts cite (TRE_R09, R23, R02, R21, R22, G05, R38), whose labels could not all be checked
/// against the published tables here (decision 0010).
/// </summary>
internal static class SandboxCatalog
{
    public static readonly ProfessionProfile[] Professions =
    [
        new(new("10", "Médecin"), 30, "medecin.mssante.fr", true, [StructureKind.Hospital, StructureKind.Clinic, StructureKind.Practice]),
        new(new("60", "Infirmier"), 30, "infirmier.mssante.fr", false, [StructureKind.Hospital, StructureKind.Clinic, StructureKind.Practice]),
        new(new("21", "Pharmacien"), 10, "pharmacien.mssante.fr", true, [StructureKind.Pharmacy, StructureKind.Hospital]),
        new(new("70", "Masseur-Kinésithérapeute"), 12, "kine.mssante.fr", false, [StructureKind.Practice, StructureKind.Clinic]),
        new(new("40", "Chirurgien-Dentiste"), 6, "chirurgien-dentiste.mssante.fr", true, [StructureKind.Practice]),
        new(new("50", "Sage-Femme"), 4, "sagefemme.mssante.fr", false, [StructureKind.Hospital, StructureKind.Practice]),
        new(new("91", "Orthophoniste"), 3, "orthophoniste.mssante.fr", false, [StructureKind.Practice]),
        new(new("80", "Pédicure-Podologue"), 2, "podologue.mssante.fr", false, [StructureKind.Practice]),
        new(new("93", "Psychologue"), 3, "psychologue.mssante.fr", false, [StructureKind.Hospital, StructureKind.Practice]),
    ];

    public static readonly Code[] DoctorSpecialties =
    [
        new("SM54", "Médecine générale"), new("SM54", "Médecine générale"), new("SM54", "Médecine générale"),
        new("SM04", "Cardiologie et maladies vasculaires"), new("SM02", "Anesthésie-réanimation"),
        new("SM40", "Pédiatrie"), new("SM42", "Psychiatrie"), new("SM37", "Ophtalmologie"),
        new("SM15", "Dermatologie et vénéréologie"), new("SM44", "Radio-diagnostic"), new("SM26", "Gynécologie-obstétrique"),
    ];

    public static readonly Code SpecialtyType = new("S", "Spécialité ordinale");
    public static readonly Code CivilCategory = new("C", "Civil");
    public static readonly Code Liberal = new("L", "Libéral, indépendant, artisan, commerçant");
    public static readonly Code Salaried = new("S", "Salarié");
    public static readonly Code PublicHospitalSector = new("SA01", "Etablissement public de santé");
    public static readonly Code PrivateHospitalSector = new("SA04", "Etablissement privé");
    public static readonly Code PracticeSector = new("SA07", "Cabinet individuel");
    public static readonly Code GroupPracticeSector = new("SA08", "Cabinet de groupe");
    public static readonly Code PharmacySector = new("SA33", "Officine de pharmacie");
    public static readonly Code OwnerRole = new("FON-10", "Titulaire de cabinet");
    public static readonly Code SalariedRole = new("FON-12", "Salarié");
    public static readonly Code StandardGenre = new("GENR01", "Activité standard de soin ou de pharmacien");
    public static readonly Code PharmacyOwnerSection = new("A", "Pharmaciens titulaires d'officine");
    public static readonly Code PharmacyAssistantSection = new("D", "Pharmaciens adjoints et autres");
    public static readonly Code HospitalPharmacistSection = new("H", "Pharmaciens des établissements de santé");
    public static readonly Code DoctorCivility = new("DR", "Docteur");
    public static readonly Code StateDiplomaType = new("DE", "Diplôme d'Etat français");

    public static Code Civility(bool female) => female ? new("MME", "Madame") : new("M", "Monsieur");

    public static Code Diploma(Code profession) => new("DE" + profession.Value, "DE de " + profession.Label);
}
