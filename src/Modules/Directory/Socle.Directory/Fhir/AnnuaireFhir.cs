using System.Globalization;

namespace Socle.Directory.Fhir;

/// <summary>Profiles, identifier systems and code systems of the Annuaire Santé FHIR guide and FR Core.</summary>
internal static class AnnuaireFhir
{
    public const string Ig = "https://interop.esante.gouv.fr/ig/fhir/annuaire";
    public const string PractitionerProfile = Ig + "/StructureDefinition/as-practitioner";
    public const string PractitionerRoleProfile = Ig + "/StructureDefinition/as-practitionerrole";
    public const string OrganizationProfile = Ig + "/StructureDefinition/as-organization";
    public const string MailboxMetadata = Ig + "/StructureDefinition/as-ext-mailbox-mss-metadata";

    public const string IdNatPs = "urn:oid:1.2.250.1.71.4.2.1";
    public const string IdNatStruct = "urn:oid:1.2.250.1.71.4.2.2";
    public const string Rpps = "https://rpps.esante.gouv.fr";
    public const string Finess = "https://finess.esante.gouv.fr";
    public const string Sirene = "https://sirene.fr";
    public const string IdentifierTypes = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203";
    public const string EmailType = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-email-type";

    public static string Nos(string table) => $"https://mos.esante.gouv.fr/NOS/{table}/FHIR/{table.Replace('_', '-')}";

    public static readonly string Profession = Nos("TRE_G15-ProfessionSante");
    public static readonly string Category = Nos("TRE_R09-CategorieProfessionnelle");
    public static readonly string Mode = Nos("TRE_R23-ModeExercice");
    public static readonly string Sector = Nos("TRE_R02-SecteurActivite");
    public static readonly string Role = Nos("TRE_R21-Fonction");
    public static readonly string Genre = Nos("TRE_R22-GenreActivite");
    public static readonly string PharmacistSection = Nos("TRE_G05-SousSectionTableauCNOP");
    public static readonly string SpecialtyOrdinal = Nos("TRE_R38-SpecialiteOrdinale");
    public static readonly string Diploma = Nos("TRE_R48-DiplomeEtatFrancais");
    public static readonly string Civility = Nos("TRE_R81-Civilite");
    public static readonly string MessagingType = Nos("TRE_R256-TypeMessagerie");
    public static readonly string MailboxType = Nos("TRE_R257-TypeBAL");

    public static Identifier Identifier(string system, string value, string type) =>
        new() { System = system, Value = value, Type = CodeableConcept.Of(IdentifierTypes, type) };

    public static Meta Meta(string profile, long id, long validFrom) => new()
    {
        VersionId = id.ToString(CultureInfo.InvariantCulture),
        LastUpdated = DateTimeOffset.FromUnixTimeMilliseconds(validFrom).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
        Profile = [profile],
    };

    /// <summary>A coded value, or null when the extract left the code empty.</summary>
    public static CodeableConcept? Coded(string system, string? code, string? label) =>
        string.IsNullOrEmpty(code) ? null : CodeableConcept.Of(system, code, label);

    /// <summary>An MSSanté mailbox as the Annuaire guide carries it: an email ContactPoint marked MSSANTE, with its metadata.</summary>
    public static ContactPoint Mailbox(string address, string? type, string? service, string? dematerialisation)
    {
        var metadata = new List<Extension>();
        if (!string.IsNullOrEmpty(type))
        {
            metadata.Add(new Extension { Url = "type", ValueCodeableConcept = CodeableConcept.Of(MailboxType, type) });
        }

        if (!string.IsNullOrEmpty(service))
        {
            metadata.Add(new Extension { Url = "service", ValueString = service });
        }

        if (!string.IsNullOrEmpty(dematerialisation))
        {
            metadata.Add(new Extension { Url = "digitization", ValueBoolean = dematerialisation == "O" });
        }

        return new ContactPoint
        {
            System = "email",
            Value = address,
            Extension =
            [
                new Extension { Url = EmailType, ValueCoding = new Coding { System = MessagingType, Code = "MSSANTE" } },
                new Extension { Url = MailboxMetadata, Children = metadata },
            ],
        };
    }
}
