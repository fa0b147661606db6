using System.Globalization;

namespace Socle.Identity.Domain;

/// <summary>
/// INSEE (COG) codes of a place of birth: 5 characters, a department and a commune number, or 99 and a country
/// code. The complete COG is not shipped (no network here): codes are checked for structure, and the embedded
/// sample lists the real places the synthetic population is born in.
/// </summary>
internal static class Birthplaces
{
    /// <summary>Null when the code is structurally a real INSEE place code, else the reason.</summary>
    public static string? ValidateCode(string? code)
    {
        if (code is null || code.Length != 5)
        {
            return "a place-of-birth code (INSEE COG) has 5 characters";
        }

        var department = code[..2];
        if (department is "2A" or "2B")
        {
            return code.AsSpan(2).ContainsAnyExceptInRange('0', '9') || code[2..] == "000" ? "unknown Corsican commune code" : null;
        }

        if (code.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return $"'{code}' is not an INSEE place code";
        }

        var dep = int.Parse(department, CultureInfo.InvariantCulture);
        var rest = int.Parse(code.AsSpan(2), CultureInfo.InvariantCulture);
        return dep switch
        {
            99 => rest is >= 100 and <= 599 ? null : $"'{code}' is not an INSEE country code (99100-99599)",
            97 => code[2] is >= '1' and <= '8' && code[3..] != "00" ? null : $"'{code}' is not an overseas commune code",
            98 => code[2] is >= '4' and <= '9' && code[3..] != "00" ? null : $"'{code}' is not an overseas collectivity code",
            >= 1 and <= 95 => rest == 0 ? $"'{code}' has no commune number" : null,
            _ => $"department '{department}' does not exist",
        };
    }
}
