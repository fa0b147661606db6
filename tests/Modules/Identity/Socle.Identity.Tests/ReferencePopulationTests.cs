using Socle.Identity.Domain;
using Socle.Identity.Domain.Reference;

namespace Socle.Identity.Tests;

public sealed class ReferencePopulationTests
{
    private static readonly List<ReferenceIdentity> Population = new ReferencePopulationGenerator(ReferencePopulationGenerator.DefaultSeed).Generate(20_000).ToList();

    [Fact]
    public void Generate_SameSeed_IsDeterministicAndPrefixStable()
    {
        var small = new ReferencePopulationGenerator(ReferencePopulationGenerator.DefaultSeed).Generate(500).Select(r => r.Nir).ToList();
        Assert.Equal(Population.Take(500).Select(r => r.Nir), small);
        Assert.Equal(Enumerable.Range(1, 20_000).Select(i => (long)i), Population.Select(r => r.Id));
    }

    [Fact]
    public void Generate_EveryNir_IsValidUniqueAndConsistentWithTheTraits()
    {
        Assert.All(Population, r =>
        {
            Assert.Null(Nir.Validate(r.Nir));
            Assert.Equal(r.Gender == Gender.Female ? '2' : '1', r.Nir[0]);
            Assert.Equal(r.BirthDate.Month, int.Parse(r.Nir.AsSpan(3, 2), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(r.Birthplace, r.Nir.Substring(5, 5));
            Assert.Null(Birthplaces.ValidateCode(r.Birthplace));
            Assert.NotNull(InsName.ToInsForm(r.BirthFamilyName, InsName.MaxFamilyLength, out _));
        });
        Assert.Equal(Population.Count, Population.Select(r => r.Nir).Distinct().Count());
    }

    [Fact]
    public void Generate_IncludesHomonymsTwinsAndPeopleBornAbroad()
    {
        var homonyms = Population.GroupBy(r => (r.FamilyKey, r.BirthDate, r.Gender, First: InsName.FirstGiven(r.GivenKey))).Count(g => g.Count() > 1);
        var twins = Population.GroupBy(r => (r.FamilyKey, r.BirthDate, r.Birthplace)).Count(g => g.Count() > 1);
        Assert.True(homonyms > 100, $"{homonyms} homonym groups");
        Assert.True(twins > 100, $"{twins} twin groups");
        Assert.Contains(Population, r => r.Birthplace.StartsWith("99", StringComparison.Ordinal));
        Assert.Contains(Population, r => r.Birthplace.StartsWith("2A", StringComparison.Ordinal) || r.Birthplace.StartsWith("2B", StringComparison.Ordinal));
    }
}
