namespace Socle.Identity.Domain.Reference;

/// <summary>
/// Generates the synthetic national population deterministically from a seed. The sequence is prefix-stable:
/// the first K identities are the same whatever the requested size, so a larger seeding only appends.
/// About 2 % are twins (same family, birth date and place, other first name), 2 % homonyms (same family, first
/// given name, birth date and sex; other second given name and place) and 2 % near-duplicates (a family name
/// one letter apart), so that every INSi outcome occurs.
/// </summary>
internal sealed class ReferencePopulationGenerator(int seed)
{
    public const int DefaultSeed = 20_210_101;

    private readonly NameLists lists = NameLists.Default;
    private readonly Dictionary<string, int> orderNumbers = new(StringComparer.Ordinal);
    private int[]? placeWeights;

    public IEnumerable<ReferenceIdentity> Generate(long count)
    {
        var random = new Random(seed);
        placeWeights ??= CumulativeWeights();
        orderNumbers.Clear();
        long id = 0;
        while (id < count)
        {
            var roll = random.Next(100);
            var person = NewPerson(random, ++id);
            yield return person;
            if (id >= count)
            {
                yield break;
            }

            var related = roll switch
            {
                0 or 1 => Twin(random, person, ++id),
                2 or 3 => Homonym(random, person, ++id),
                4 or 5 => NearDuplicate(random, person, ++id),
                _ => null,
            };
            if (related is not null)
            {
                yield return related;
            }
        }
    }

    private ReferenceIdentity NewPerson(Random random, long id)
    {
        var gender = random.Next(2) == 0 ? Gender.Female : Gender.Male;
        var family = lists.FamilyNames[random.Next(lists.FamilyNames.Count)];
        if (random.Next(12) == 0)
        {
            var second = lists.FamilyNames[random.Next(lists.FamilyNames.Count)];
            if (second != family && !second.Contains(' ', StringComparison.Ordinal) && !family.Contains(' ', StringComparison.Ordinal))
            {
                family = family + "-" + second;
            }
        }

        var given = GivenNames(random, gender, random.Next(10) switch { < 4 => 1, < 8 => 2, _ => 3 }, null);
        var birthDate = BirthDate(random);
        return Build(id, family, given, birthDate, gender, Place(random));
    }

    private ReferenceIdentity Twin(Random random, ReferenceIdentity sibling, long id)
    {
        var gender = random.Next(2) == 0 ? Gender.Female : Gender.Male;
        var first = InsName.FirstGiven(sibling.BirthGivenNames);
        var given = GivenNames(random, gender, random.Next(1, 3), first);
        return Build(id, sibling.BirthFamilyName, given, sibling.BirthDate, gender, sibling.Birthplace);
    }

    private ReferenceIdentity Homonym(Random random, ReferenceIdentity other, long id)
    {
        var first = InsName.FirstGiven(other.BirthGivenNames);
        var secondNames = GivenNames(random, other.Gender, 1, first);
        var place = Place(random);
        if (place == other.Birthplace)
        {
            place = lists.Places[(Array.IndexOf(lists.Places.Select(p => p.Code).ToArray(), place) + 1) % lists.Places.Count].Code;
        }

        return Build(id, other.BirthFamilyName, first + " " + secondNames, other.BirthDate, other.Gender, place);
    }

    private ReferenceIdentity NearDuplicate(Random random, ReferenceIdentity other, long id)
    {
        var family = other.BirthFamilyName.ToCharArray();
        var letters = Enumerable.Range(0, family.Length).Where(i => char.IsAsciiLetter(family[i])).ToList();
        var position = letters[random.Next(letters.Count)];
        var replacement = (char)('A' + random.Next(26));
        family[position] = replacement == family[position] ? (replacement == 'Z' ? 'A' : (char)(replacement + 1)) : replacement;
        return Build(id, new string(family), other.BirthGivenNames, other.BirthDate, other.Gender, other.Birthplace);
    }

    private string GivenNames(Random random, Gender gender, int count, string? avoid)
    {
        var pool = gender == Gender.Female ? lists.FemaleGivenNames : lists.MaleGivenNames;
        var chosen = new List<string>(count);
        while (chosen.Count < count)
        {
            var name = pool[random.Next(pool.Count)];
            if (name != avoid && !chosen.Contains(name))
            {
                chosen.Add(name);
            }
        }

        return string.Join(' ', chosen);
    }

    private static DateOnly BirthDate(Random random)
    {
        var year = 1930 + random.Next(95);
        var month = 1 + random.Next(12);
        var day = 1 + random.Next(DateTime.DaysInMonth(year, month));
        return new DateOnly(year, month, day);
    }

    private string Place(Random random)
    {
        var roll = random.Next(placeWeights![^1]);
        var index = Array.BinarySearch(placeWeights, roll + 1);
        return lists.Places[index >= 0 ? index : ~index].Code;
    }

    private int[] CumulativeWeights()
    {
        var weights = new int[lists.Places.Count];
        var total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            total += lists.Places[i].Weight;
            weights[i] = total;
        }

        return weights;
    }

    private ReferenceIdentity Build(long id, string family, string given, DateOnly birthDate, Gender gender, string birthplace)
    {
        var orderKey = $"{(int)gender}{birthDate.Year % 100:00}{birthDate.Month:00}{birthplace}";
        var order = orderNumbers[orderKey] = orderNumbers.GetValueOrDefault(orderKey) + 1;
        return new ReferenceIdentity
        {
            Id = id,
            Nir = Nir.Build(gender, birthDate, birthplace, order),
            Oid = InsOids.NirTest,
            BirthFamilyName = family,
            BirthGivenNames = given,
            BirthDate = birthDate,
            Gender = gender,
            Birthplace = birthplace,
            FamilyKey = InsName.Key(family),
            GivenKey = InsName.Key(given),
        };
    }
}
