using System.Text;

namespace Socle.Identity.Domain.Matching;

/// <summary>
/// A phonetic key for French names in the spirit of Soundex-FR/Phonex: names that sound alike (DUPONT, DUPOND;
/// GAUTHIER, GAUTIER; LEFEBVRE, LEFEVRE) share a key. Used only to find duplicate candidates, never to decide.
/// </summary>
internal static class FrenchPhonetic
{
    private static readonly (string From, string To)[] Rules =
    [
        ("SCH", "S"), ("EAU", "O"), ("AIN", "IN"), ("EIN", "IN"), ("PH", "F"), ("TH", "T"), ("CH", "S"), ("GN", "N"),
        ("QU", "K"), ("CK", "K"), ("CE", "SE"), ("CI", "SI"), ("CY", "SI"), ("GE", "JE"), ("GI", "JI"), ("GU", "G"),
        ("BV", "V"), ("AU", "O"), ("AI", "E"), ("EI", "E"), ("OU", "U"), ("EN", "AN"), ("EM", "AN"), ("AM", "AN"),
        ("C", "K"), ("Q", "K"), ("W", "V"), ("Y", "I"), ("Z", "S"), ("X", "KS"), ("H", ""),
    ];

    public static string Encode(string key)
    {
        var text = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                text.Append(c);
            }
        }

        var s = text.ToString();
        if (s.Length == 0)
        {
            return string.Empty;
        }

        foreach (var (from, to) in Rules)
        {
            s = s.Replace(from, to, StringComparison.Ordinal);
        }

        // Silent endings: -ER/-EZ/-ET sound like E; final S, T, D, X and E are mute.
        if (s.Length > 3 && (s.EndsWith("ER", StringComparison.Ordinal) || s.EndsWith("ET", StringComparison.Ordinal)))
        {
            s = s[..^1];
        }

        while (s.Length > 2 && s[^1] is 'S' or 'T' or 'D' or 'E')
        {
            s = s[..^1];
        }

        var collapsed = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (collapsed.Length == 0 || collapsed[^1] != c)
            {
                collapsed.Append(c);
            }
        }

        return collapsed.ToString();
    }
}
