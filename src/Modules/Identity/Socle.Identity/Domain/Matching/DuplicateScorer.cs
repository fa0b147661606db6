namespace Socle.Identity.Domain.Matching;

/// <summary>
/// Scores how likely two identities are the same person: Jaro-Winkler and a French phonetic key on names,
/// birth-date typing errors (day/month swap, one digit, two adjacent digits transposed), place of birth and sex.
/// The score is symmetric.
/// </summary>
internal static class DuplicateScorer
{
    public const double CandidateThreshold = 0.80;

    private const double FamilyWeight = 0.35;
    private const double GivenWeight = 0.25;
    private const double BirthDateWeight = 0.25;
    private const double GenderWeight = 0.05;
    private const double BirthplaceWeight = 0.10;

    public static MatchResult Score(MatchProbe a, MatchProbe b)
    {
        var family = FamilySimilarity(a, b);
        var given = GivenSimilarity(a.GivenKey, b.GivenKey);
        var birthDate = BirthDateSimilarity(a.BirthDate, b.BirthDate);
        var gender = a.Gender == b.Gender ? 1.0 : 0.0;
        var birthplace = a.Birthplace is null || b.Birthplace is null ? 0.5 : a.Birthplace == b.Birthplace ? 1.0 : 0.0;

        var score = (FamilyWeight * family) + (GivenWeight * given) + (BirthDateWeight * birthDate) + (GenderWeight * gender) + (BirthplaceWeight * birthplace);
        var agreed = new List<string>(5);
        if (family >= 0.9) agreed.Add("family");
        if (given >= 0.9) agreed.Add("given");
        if (birthDate >= 1.0) agreed.Add("birthdate");
        if (gender >= 1.0) agreed.Add("gender");
        if (birthplace >= 1.0) agreed.Add("birthplace");

        score = Math.Round(score, 4);
        var grade = score >= 0.97 ? "certain" : score >= 0.90 ? "probable" : "possible";
        return new MatchResult(score, grade, agreed);
    }

    /// <summary>Birth dates a typing error could have produced from <paramref name="date"/> (used to find candidates).</summary>
    public static IEnumerable<DateOnly> BirthDateVariants(DateOnly date)
    {
        yield return date;
        if (date.Day <= 12 && date.Day != date.Month)
        {
            yield return new DateOnly(date.Year, date.Day, Math.Min(date.Month, DateTime.DaysInMonth(date.Year, date.Day)));
        }
    }

    private static double FamilySimilarity(MatchProbe a, MatchProbe b)
    {
        var best = JaroWinkler.Similarity(a.FamilyKey, b.FamilyKey);
        if (a.UsedFamilyKey is not null)
        {
            best = Math.Max(best, JaroWinkler.Similarity(a.UsedFamilyKey, b.FamilyKey));
        }

        if (b.UsedFamilyKey is not null)
        {
            best = Math.Max(best, JaroWinkler.Similarity(a.FamilyKey, b.UsedFamilyKey));
        }

        if (best < 0.92 && a.PhoneticKey.Length > 0 && a.PhoneticKey == b.PhoneticKey)
        {
            best = 0.92;
        }

        return best;
    }

    private static double GivenSimilarity(string a, string b)
    {
        if (a.Length > 0 && b.Length > 0 && (InsName.GivenNamesStartWith(a, b) || InsName.GivenNamesStartWith(b, a)))
        {
            return 1;
        }

        return JaroWinkler.Similarity(InsName.FirstGiven(a), InsName.FirstGiven(b));
    }

    private static double BirthDateSimilarity(DateOnly a, DateOnly b)
    {
        if (a == b)
        {
            return 1;
        }

        if (a.Year == b.Year && a.Month == b.Day && a.Day == b.Month)
        {
            return 0.8;
        }

        var x = a.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var y = b.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var differences = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            if (x[i] != y[i])
            {
                differences.Add(i);
            }
        }

        if (differences.Count == 1)
        {
            return 0.7;
        }

        return differences.Count == 2 && differences[1] == differences[0] + 1 && x[differences[0]] == y[differences[1]] && x[differences[1]] == y[differences[0]]
            ? 0.7
            : 0;
    }
}
