using System.Globalization;
using Socle.BuildingBlocks.Errors;

namespace Socle.BuildingBlocks.Fhir;

/// <summary>FHIR date search values (<c>[eq|ge|gt|le|lt]</c> + year, month, day or instant with a zone) as Unix-ms bounds.</summary>
public static class DateSearch
{
    /// <summary>The inclusive bounds [From, To] in Unix milliseconds; a value Socle cannot read is a 400 naming the parameter.</summary>
    public static (long From, long To) Range(string text, string parameter)
    {
        var hasPrefix = text.Length > 2 && char.IsAsciiLetter(text[0]);
        var prefix = hasPrefix ? text[..2] : "eq";
        var value = hasPrefix ? text[2..] : text;
        var (start, end) = Period(value) ?? throw Invalid(parameter, "is a date (YYYY, YYYY-MM, YYYY-MM-DD) or an instant with a time zone, with an optional eq, ge, gt, le or lt prefix");
        var (from, to) = (start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds() - 1);
        return prefix switch
        {
            "eq" => (from, to),
            "ge" => (from, long.MaxValue),
            "gt" => (to + 1, long.MaxValue),
            "le" => (long.MinValue, to),
            "lt" => (long.MinValue, from - 1),
            _ => throw Invalid(parameter, "takes the prefixes eq, ge, gt, le or lt"),
        };
    }

    /// <summary>The period a value covers, end exclusive: a whole year, month or day (UTC), or one millisecond.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End)? Period(string value)
    {
        if (DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return (instant, After(instant, t => t.AddMilliseconds(1)));
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        for (var i = 0; i < formats.Length; i++)
        {
            if (value.Length == formats[i].Length
                && DateTime.TryParseExact(value, formats[i], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day))
            {
                var start = new DateTimeOffset(day, TimeSpan.Zero);
                return (start, After(start, t => i switch { 0 => t.AddDays(1), 1 => t.AddMonths(1), _ => t.AddYears(1) }));
            }
        }

        return null;
    }

    /// <summary>The end of a period; the last one of the calendar (year 9999) ends where the calendar does.</summary>
    private static DateTimeOffset After(DateTimeOffset start, Func<DateTimeOffset, DateTimeOffset> step)
    {
        try
        {
            return step(start);
        }
        catch (ArgumentOutOfRangeException)
        {
            return DateTimeOffset.MaxValue;
        }
    }

    private static DomainException Invalid(string parameter, string rule) =>
        CommonErrors.InvalidParameter.WithMessage($"The search parameter '{parameter}' {rule}.").ToException();
}
