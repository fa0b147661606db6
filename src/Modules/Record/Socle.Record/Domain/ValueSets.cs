using System.Collections.Frozen;
using Socle.BuildingBlocks.Data;

namespace Socle.Record.Domain;

/// <summary>The XDS metadata value sets shipped as data (Domain/Data/value-sets.txt), and the code systems they use.</summary>
internal static class ValueSets
{
    public const string ClassSystemOid = "urn:oid:1.2.250.1.213.1.1.4.1";
    public const string ClassSystemUrl = "https://mos.esante.gouv.fr/NOS/TRE_A03-ClassCode/FHIR/TRE-A03-ClassCode";
    public const string Loinc = "http://loinc.org";
    public const string LoincOid = "urn:oid:2.16.840.1.113883.6.1";
    public const string FormatSystem = "urn:oid:1.3.6.1.4.1.19376.1.2.3";
    public const string FacilitySystemOid = "urn:oid:1.2.250.1.71.4.2.4";
    public const string FacilitySystemUrl = "https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite";
    public const string PracticeSettingSystemOid = "urn:oid:1.2.250.1.213.1.1.4.9";
    public const string PracticeSettingSystemUrl = "https://mos.esante.gouv.fr/NOS/TRE_A01-CadreExercice/FHIR/TRE-A01-CadreExercice";
    public const string ConfidentialitySystem = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    public const string ConfidentialitySystemOid = "urn:oid:2.16.840.1.113883.5.25";
    public const string VisibilitySystemOid = "urn:oid:1.2.250.1.213.1.1.4.13";
    public const string VisibilitySystemUrl = "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument";

    /// <summary>Class code of the documents a patient deposits.</summary>
    public const string PatientDocumentClass = "90";

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Sets = Load();

    public static IReadOnlyDictionary<string, string> Classes => Sets["class"];

    public static IReadOnlyDictionary<string, string> Types => Sets["type"];

    public static IReadOnlyDictionary<string, string> Formats => Sets["format"];

    public static IReadOnlyDictionary<string, string> Facilities => Sets["facility"];

    public static IReadOnlyDictionary<string, string> Confidentialities => Sets["confidentiality"];

    public static bool IsClassSystem(string? system) => system is ClassSystemOid or ClassSystemUrl;

    public static bool IsLoinc(string? system) => system is Loinc or LoincOid;

    public static bool IsFacilitySystem(string? system) => system is FacilitySystemOid or FacilitySystemUrl;

    public static bool IsPracticeSettingSystem(string? system) => system is PracticeSettingSystemOid or PracticeSettingSystemUrl;

    public static bool IsConfidentialitySystem(string? system) => system is ConfidentialitySystem or ConfidentialitySystemOid;

    public static bool IsVisibilitySystem(string? system) => system is VisibilitySystemOid or VisibilitySystemUrl;

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load() =>
        EmbeddedData.DataLines(typeof(ValueSets).Assembly, "Socle.Record.Domain.Data.value-sets.txt")
            .Select(line => line.Split('|'))
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            .ToFrozenDictionary(set => set.Key, set => set.ToFrozenDictionary(p => p[1], p => p[2], StringComparer.Ordinal), StringComparer.Ordinal);
}
