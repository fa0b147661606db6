namespace Socle.BuildingBlocks.Identifiers;

/// <summary>SIREN (9 digits, a legal entity) and SIRET (14 digits, one of its sites), both Luhn-checked.</summary>
public static class Sirene
{
    // La Poste's sites outgrew the Luhn space: INSEE checks them by digit sum modulo 5 instead.
    private const string LaPosteSiren = "356000000";

    public static bool IsValidSiren(string? value) =>
        value is { Length: 9 } && value.All(char.IsAsciiDigit) && Luhn.IsValid(value);

    public static bool IsValidSiret(string? value)
    {
        if (value is not { Length: 14 } || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        return value.StartsWith(LaPosteSiren, StringComparison.Ordinal) && value != LaPosteSiren + "00048"
            ? value.Sum(c => c - '0') % 5 == 0
            : Luhn.IsValid(value);
    }
}
