namespace Socle.BuildingBlocks.Web;

/// <summary>
/// Text from callers. The C0 control characters have no place in it: FHIR forbids them in strings (tab and line breaks
/// aside), none means anything in a search or a form field, and PostgreSQL refuses NUL in text outright, which would
/// otherwise surface as a server error.
/// </summary>
public static class CallerText
{
    /// <summary>Whether the text holds a character below U+0020; <paramref name="tabsAndLineBreaks"/> allows tab, CR and LF.</summary>
    public static bool HasControlCharacter(ReadOnlySpan<char> text, bool tabsAndLineBreaks = false)
    {
        for (var at = text.IndexOfAnyInRange('\u0000', '\u001F'); at >= 0; at = text.IndexOfAnyInRange('\u0000', '\u001F'))
        {
            if (!tabsAndLineBreaks || text[at] is not ('\t' or '\r' or '\n'))
            {
                return true;
            }

            text = text[(at + 1)..];
        }

        return false;
    }
}
