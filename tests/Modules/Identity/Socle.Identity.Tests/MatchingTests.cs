using FsCheck;
using Socle.Identity.Domain;
using Socle.Identity.Domain.Matching;

namespace Socle.Identity.Tests;

public sealed class MatchingTests
{
    private static readonly Gen<string> Names = Gen.Elements("DUPONT", "DUPOND", "MARTIN", "MARTINS", "LEFEBVRE", "LEFEVRE", "GAUTHIER", "GAUTIER", "N'DIAYE", "ROUX");

    [Fact]
    public void JaroWinkler_IsSymmetricAndBounded() =>
        Prop.ForAll(Arb.From(Names), Arb.From(Names), (a, b) =>
            {
                var ab = JaroWinkler.Similarity(a, b);
                return Math.Abs(ab - JaroWinkler.Similarity(b, a)) < 1e-12 && ab is >= 0 and <= 1 && (a != b || ab == 1);
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Score_IsSymmetric() =>
        Prop.ForAll(Arb.From(Names), Arb.From(Names), Arb.From(Gen.Choose(1, 28)), (a, b, day) =>
            {
                var x = IdentityBuilders.Probe(a, "JEAN", $"1980-05-{day:00}");
                var y = IdentityBuilders.Probe(b, "JEAN", "1980-05-14");
                return DuplicateScorer.Score(x, y).Score == DuplicateScorer.Score(y, x).Score;
            })
            .QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("DUPONT", "DUPOND")]
    [InlineData("GAUTHIER", "GAUTIER")]
    [InlineData("LEFEBVRE", "LEFEVRE")]
    public void FrenchPhonetic_NamesThatSoundAlike_ShareAKey(string a, string b) =>
        Assert.Equal(FrenchPhonetic.Encode(a), FrenchPhonetic.Encode(b));

    [Fact]
    public void Score_SoundAlikeNameAndSameTraits_IsAProbableDuplicateAgreeingOnTheOtherTraits()
    {
        var result = DuplicateScorer.Score(IdentityBuilders.Probe("DUPONT", "JEAN", "1980-05-14"), IdentityBuilders.Probe("DUPOND", "JEAN", "1980-05-14"));
        Assert.True(result.Score >= 0.9, $"score {result.Score}");
        Assert.Equal(["family", "given", "birthdate", "gender", "birthplace"], result.AgreedTraits);
    }

    [Fact]
    public void Score_DayAndMonthSwapped_StaysACandidate()
    {
        var result = DuplicateScorer.Score(IdentityBuilders.Probe("DUPONT", "JEAN", "1980-05-04"), IdentityBuilders.Probe("DUPONT", "JEAN", "1980-04-05"));
        Assert.True(result.Score >= DuplicateScorer.CandidateThreshold);
        Assert.DoesNotContain("birthdate", result.AgreedTraits);
    }

    [Fact]
    public void Score_DifferentPeople_IsBelowTheThreshold()
    {
        var result = DuplicateScorer.Score(IdentityBuilders.Probe("DUPONT", "JEAN", "1980-05-14"), IdentityBuilders.Probe("ROUX", "MARIE", "1992-11-02", Gender.Female, "13201"));
        Assert.True(result.Score < DuplicateScorer.CandidateThreshold, $"score {result.Score}");
    }
}
