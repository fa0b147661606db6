namespace Socle.Identity.Fhir;

/// <summary>Canonical URLs of the FR Core profiles, extensions and code systems Socle uses for Patient.</summary>
internal static class FrCore
{
    public const string Base = "https://hl7.fr/ig/fhir/core";
    public const string PatientProfile = Base + "/StructureDefinition/fr-core-patient";
    public const string PatientInsProfile = Base + "/StructureDefinition/fr-core-patient-ins";
    public const string IdentityReliability = Base + "/StructureDefinition/fr-core-identity-reliability";
    public const string BirthListGivenName = Base + "/StructureDefinition/fr-core-patient-birth-list-given-name";
    public const string AddressInseeCode = Base + "/StructureDefinition/fr-core-address-insee-code";
    public const string BirthPlace = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";
    public const string StatusCommentSystem = Base + "/CodeSystem/fr-core-cs-identity-status-comment";
    public const string MethodCollectionSystem = Base + "/CodeSystem/fr-core-cs-identity-method-collection";
    public const string V2IdentifierTypes = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public const string MatchGrade = "http://hl7.org/fhir/StructureDefinition/match-grade";

    public const string Doubtful = "DOUT";
    public const string Fictitious = "FICT";
    public const string Homonym = "HOMA";
}
