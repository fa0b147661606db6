namespace Socle.BuildingBlocks.Identifiers;

/// <summary>
/// An RPPS number: 11 digits, the last a Luhn check digit. The national identifier of a professional
/// (IdNat_PS) is "8" followed by the RPPS number.
/// </summary>
public static class Rpps
{
    public const string IdNatPrefix = "8";

    public static bool IsValid(string? value) =>
        value is { Length: 11 } && value.All(char.IsAsciiDigit) && Luhn.IsValid(value);
}
