using Socle.BuildingBlocks.Identifiers;

namespace Socle.Directory.Domain;

/// <summary>
/// The identifier columns of a professional in the extracts: type (8 RPPS, 0 ADELI), number and national
/// identifier IdNat_PS, which is the type followed by the number.
/// </summary>
internal static class ProfessionalIds
{
    public const string RppsType = "8";
    public const string AdeliType = "0";

    /// <summary>Why the three columns do not describe a valid professional identifier, or null when they do.</summary>
    public static string? Check(string type, string number, string idNat)
    {
        switch (type)
        {
            case RppsType when !Rpps.IsValid(number):
                return $"RPPS number '{number}' is not 11 digits";
            case AdeliType when number.Length != 9 || !number.All(char.IsAsciiLetterOrDigit):
                return $"ADELI number '{number}' is not 9 characters";
            case RppsType or AdeliType:
                break;
            default:
                return $"unknown identifier type '{type}' (8 RPPS, 0 ADELI)";
        }

        return idNat == type + number ? null : $"national identifier '{idNat}' is not the type followed by the number";
    }

    /// <summary>The IdNat_PS of an RPPS number, or the text unchanged when it is already a national identifier.</summary>
    public static string ToIdNat(string idNatOrRpps) =>
        idNatOrRpps.Length == 11 && idNatOrRpps.All(char.IsAsciiDigit) ? RppsType + idNatOrRpps : idNatOrRpps;
}
