using Socle.BuildingBlocks.Identifiers;

namespace Socle.Directory.Domain;

/// <summary>Identifiers of a structure: FINESS, SIRET/SIREN, the technical id of the extract and IdNat_Struct.</summary>
internal static class StructureIds
{
    public const string FinessPrefix = "1";
    public const string SiretPrefix = "3";

    /// <summary>Why the identifiers of a structure line are wrong, or null.</summary>
    public static string? Check(string technicalId, string finessSite, string finessLegal, string siret, string siren)
    {
        if (technicalId.Length > 64 || !technicalId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
        {
            return $"structure technical id '{technicalId}' has characters other than letters, digits, '-' and '.'";
        }

        if (finessSite.Length > 0 && !Finess.IsValid(finessSite))
        {
            return $"FINESS site number '{finessSite}' has a wrong check digit or length";
        }

        if (finessLegal.Length > 0 && !Finess.IsValid(finessLegal))
        {
            return $"FINESS legal entity number '{finessLegal}' has a wrong check digit or length";
        }

        if (siret.Length > 0 && !Sirene.IsValidSiret(siret))
        {
            return $"SIRET '{siret}' has a wrong check digit or length";
        }

        return siren.Length > 0 && !Sirene.IsValidSiren(siren) ? $"SIREN '{siren}' has a wrong check digit or length" : null;
    }

    /// <summary>IdNat_Struct: "1" + FINESS site, else "3" + SIRET, else the technical id of the extract.</summary>
    public static string IdNat(string technicalId, string finessSite, string siret) =>
        finessSite.Length > 0 ? FinessPrefix + finessSite
        : siret.Length > 0 ? SiretPrefix + siret
        : technicalId;
}
