using System.Globalization;

namespace Socle.Identity.Domain;

/// <summary>
/// The 15-character NIR: sex (1), year (2), month (2), place of birth (5: department and commune, or 99 and
/// country), order number (3), key (2) = 97 - (body mod 97), with 2A read as 19 and 2B as 18.
/// </summary>
internal static class Nir
{
    /// <summary>Null when valid, else the reason in words.</summary>
    public static string? Validate(string? value)
    {
        if (value is null || value.Length != 15)
        {
            return "an INS matricule has 15 characters";
        }

        var department = value.Substring(5, 2);
        var isCorsica = department is "2A" or "2B";
        for (var i = 0; i < 15; i++)
        {
            if (!char.IsAsciiDigit(value[i]) && !(isCorsica && i is 5 or 6))
            {
                return "an INS matricule contains only digits (2A or 2B for Corsica)";
            }
        }

        if (value[0] is not ('1' or '2'))
        {
            return "the first digit (sex) must be 1 or 2";
        }

        var month = int.Parse(value.AsSpan(3, 2), CultureInfo.InvariantCulture);
        if (!(month is >= 1 and <= 12 || month is >= 20 and <= 42 || month >= 50))
        {
            return $"month {month:00} is impossible (01-12, or 20-42 and 50-99 for incomplete civil records)";
        }

        var placeError = Birthplaces.ValidateCode(value.Substring(5, 5));
        if (placeError is not null)
        {
            return placeError;
        }

        if (value.AsSpan(10, 3).SequenceEqual("000"))
        {
            return "the order number cannot be 000";
        }

        var key = int.Parse(value.AsSpan(13, 2), CultureInfo.InvariantCulture);
        return key == ComputeKey(value[..13]) ? null : "the check key does not match";
    }

    public static bool IsValid(string? value) => Validate(value) is null;

    public static int ComputeKey(string body13)
    {
        var numeric = body13.Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal);
        var number = long.Parse(numeric, CultureInfo.InvariantCulture);
        return 97 - (int)(number % 97);
    }

    public static string Build(Gender gender, DateOnly birthDate, string birthplace, int order)
    {
        var sex = gender == Gender.Female ? '2' : '1';
        var body = string.Create(CultureInfo.InvariantCulture, $"{sex}{birthDate.Year % 100:00}{birthDate.Month:00}{birthplace}{order:000}");
        return body + ComputeKey(body).ToString("00", CultureInfo.InvariantCulture);
    }
}
