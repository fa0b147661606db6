namespace Socle.Identity.Domain;

/// <summary>Documents that may validate an identity (FR Core mode-validation-identity, reference §1).</summary>
internal static class HighTrustDocuments
{
    public const string System = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-mode-validation-identity";

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["CN"] = "Carte nationale d'identité",
        ["PA"] = "Passeport",
        ["CS"] = "Titre de séjour",
        ["eCN"] = "Carte d'identité électronique",
        ["IN"] = "Identité numérique La Poste",
        ["AV"] = "Appli carte Vitale",
        ["LECV"] = "Livret de famille et carte Vitale avec photo",
        ["AN"] = "Acte de naissance",
        ["LEP"] = "Livret de famille",
        ["CC"] = "Carte de combattant",
        ["ANCV"] = "Acte de naissance et carte Vitale",
    };

    public static bool IsKnown(string? code) => code is not null && Labels.ContainsKey(code);

    public static string Label(string code) => Labels[code];

    public static IEnumerable<string> Codes => Labels.Keys;
}
