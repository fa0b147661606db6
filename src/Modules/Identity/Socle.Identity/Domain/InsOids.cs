namespace Socle.Identity.Domain;

/// <summary>Assigning authorities of the INS matricule and their FR Core identifier-type codes (see reference §1).</summary>
internal static class InsOids
{
    public const string Nir = "1.2.250.1.213.1.4.8";
    public const string Nia = "1.2.250.1.213.1.4.9";
    public const string NirTest = "1.2.250.1.213.1.4.10";
    public const string NirDemo = "1.2.250.1.213.1.4.11";

    public const string IdentifierTypeSystem = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203";

    private static readonly Dictionary<string, string> TypeCodeByOid = new(StringComparer.Ordinal)
    {
        [Nir] = "INS-NIR",
        [Nia] = "INS-NIA",
        [NirTest] = "INS-NIR-TEST",
        [NirDemo] = "INS-NIR-DEMO",
    };

    public static IEnumerable<string> All => TypeCodeByOid.Keys;

    public static bool IsInsOid(string oid) => TypeCodeByOid.ContainsKey(oid);

    public static string TypeCode(string oid) => TypeCodeByOid[oid];

    public static string? OidOfTypeCode(string typeCode) => TypeCodeByOid.FirstOrDefault(p => p.Value == typeCode).Key;

    public static string System(string oid) => "urn:oid:" + oid;

    /// <summary>The OID in a <c>urn:oid:</c> system, or null when the system is not of that form.</summary>
    public static string? OidOf(string? system) =>
        system is not null && system.StartsWith("urn:oid:", StringComparison.Ordinal) ? system["urn:oid:".Length..] : null;
}
