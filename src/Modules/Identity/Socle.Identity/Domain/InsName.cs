using System.Globalization;
using System.Text;

namespace Socle.Identity.Domain;

/// <summary>
/// The INS rules for names: capital letters without diacritics, space, hyphen and apostrophe only. Input is
/// transliterated (case, accents, ligatures, typographic apostrophes, repeated spaces); any other character is
/// refused. Comparison keys also fold hyphens and apostrophes into spaces, so that matching is strict on the
/// letters and insensitive to punctuation.
/// </summary>
internal static class InsName
{
    public const int MaxFamilyLength = 100;
    public const int MaxGivenNamesLength = 100;

    /// <summary>The INS form of a name, or null with the reason in <paramref name="error"/>.</summary>
    public static string? ToInsForm(string? input, int maxLength, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "is empty";
            return null;
        }

        var builder = new StringBuilder(input.Length);
        foreach (var c in input.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            switch (c)
            {
                case 'œ' or 'Œ':
                    builder.Append("OE");
                    break;
                case 'æ' or 'Æ':
                    builder.Append("AE");
                    break;
                case 'ß':
                    builder.Append("SS");
                    break;
                case '\u2019' or '\u2018' or '`' or '\u00B4' or '\'':
                    builder.Append('\'');
                    break;
                case '\u2010' or '\u2011' or '\u2013' or '-':
                    builder.Append('-');
                    break;
                case ' ' or '\t' or '\u00A0':
                    if (builder.Length > 0 && builder[^1] != ' ')
                    {
                        builder.Append(' ');
                    }

                    break;
                default:
                    if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
                    {
                        builder.Append(char.ToUpperInvariant(c));
                    }
                    else
                    {
                        error = $"contains the forbidden character '{c}' (only letters, space, hyphen and apostrophe)";
                        return null;
                    }

                    break;
            }
        }

        var result = builder.ToString().Trim();
        if (result.Length == 0 || !result.Any(char.IsAsciiLetter))
        {
            error = "contains no letter";
            return null;
        }

        if (result.Length > maxLength)
        {
            error = $"is longer than {maxLength} characters";
            return null;
        }

        return result;
    }

    /// <summary>The comparison key: the INS form with hyphens and apostrophes read as spaces.</summary>
    public static string Key(string insForm)
    {
        var builder = new StringBuilder(insForm.Length);
        foreach (var c in insForm)
        {
            var mapped = c is '-' or '\'' ? ' ' : c;
            if (mapped == ' ' && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }

            builder.Append(mapped);
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>A best-effort key for search input (never throws): null when nothing usable remains.</summary>
    public static string? SearchKey(string? input)
    {
        var form = ToInsForm(input, int.MaxValue, out _);
        return form is null ? null : Key(form);
    }

    /// <summary>True when <paramref name="givenKey"/> is the start of the list <paramref name="referenceKey"/>, word by word.</summary>
    public static bool GivenNamesStartWith(string referenceKey, string givenKey) =>
        referenceKey.StartsWith(givenKey, StringComparison.Ordinal)
        && (referenceKey.Length == givenKey.Length || referenceKey[givenKey.Length] == ' ');

    /// <summary>
    /// The exclusive upper bound of the keys that start with <paramref name="prefix"/>: keys hold only A-Z and
    /// spaces, so "prefix~" sorts after all of them under the binary collation of the key columns.
    /// </summary>
    public static string PrefixUpperBound(string prefix) => prefix + "~";

    /// <summary>The first given name of a list (a hyphenated given name stays whole).</summary>
    public static string FirstGiven(string givenNames) => givenNames.Split(' ', 2)[0];
}
