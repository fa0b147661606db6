namespace Socle.BuildingBlocks.Identifiers;

public static class Luhn
{
    /// <summary>True when the digits (check digit last) pass the Luhn mod-10 test.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>The check digit that makes <paramref name="body"/> + digit Luhn-valid.</summary>
    public static char CheckDigit(ReadOnlySpan<char> body)
    {
        Span<char> candidate = stackalloc char[body.Length + 1];
        body.CopyTo(candidate);
        for (var c = '0'; c <= '9'; c++)
        {
            candidate[^1] = c;
            if (IsValid(candidate))
            {
                return c;
            }
        }

        throw new ArgumentException("Not digits.", nameof(body));
    }
}
