using System.Globalization;
using System.Text;

namespace Socle.Directory.Domain;

/// <summary>
/// Search keys: upper case ASCII without diacritics, so that "Hélène" finds "HELENE", and keys compare byte by byte
/// (prefix ranges use the indexes).
/// </summary>
internal static class SearchText
{
    /// <summary>Upper case without diacritics; other characters are kept.</summary>
    public static string? Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        if (IsPlainAscii(text))
        {
            return text.ToUpperInvariant();
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'Œ' or 'œ' => "OE",
                'Æ' or 'æ' => "AE",
                'ß' => "SS",
                _ => char.ToUpperInvariant(c).ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>The search key of a name: letters and digits, every other run of characters one space; null when empty.</summary>
    public static string? Key(string? text)
    {
        var folded = Fold(text);
        if (string.IsNullOrEmpty(folded))
        {
            return null;
        }

        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(c);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>The smallest key greater than every key that starts with <paramref name="prefix"/>.</summary>
    public static string PrefixUpperBound(string prefix) => prefix + "~";

    private static bool IsPlainAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > 127)
            {
                return false;
            }
        }

        return true;
    }
}
