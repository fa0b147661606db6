namespace Socle.BuildingBlocks.Identifiers;

/// <summary>
/// A FINESS number: 9 characters, the last a Luhn check digit over the first eight (for example 540002698).
/// Corsican numbers start with 2A or 2B, which count as 20 for the check digit.
/// </summary>
public static class Finess
{
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 9)
        {
            return false;
        }

        var digits = value.StartsWith("2A", StringComparison.Ordinal) || value.StartsWith("2B", StringComparison.Ordinal)
            ? "20" + value[2..]
            : value;
        return digits.All(char.IsAsciiDigit) && Luhn.IsValid(digits);
    }
}
