using Socle.Identity.Domain;

namespace Socle.Identity.Tests;

public sealed class InsNameTests
{
    [Theory]
    [InlineData("Lefèvre", "LEFEVRE")]
    [InlineData("  d’Almeida  ", "D'ALMEIDA")]
    [InlineData("Œuvray", "OEUVRAY")]
    [InlineData("jean   pierre", "JEAN PIERRE")]
    [InlineData("Saint–Martin", "SAINT-MARTIN")]
    public void ToInsForm_TransliteratesToTheInsAlphabet(string input, string expected) =>
        Assert.Equal(expected, InsName.ToInsForm(input, 100, out _));

    [Theory]
    [InlineData("Dupont3", "forbidden character '3'")]
    [InlineData("Du@pont", "forbidden character '@'")]
    [InlineData("   ", "empty")]
    [InlineData("--", "no letter")]
    public void ToInsForm_ForbiddenInput_IsRefusedWithTheReason(string input, string reason)
    {
        Assert.Null(InsName.ToInsForm(input, 100, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToInsForm_OverTheLengthLimit_IsRefused()
    {
        Assert.Null(InsName.ToInsForm(new string('A', InsName.MaxFamilyLength + 1), InsName.MaxFamilyLength, out var error));
        Assert.Contains("longer than", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_FoldsHyphensAndApostrophesIntoSpaces()
    {
        Assert.Equal("JEAN PIERRE", InsName.Key("JEAN-PIERRE"));
        Assert.Equal("D ALMEIDA", InsName.Key("D'ALMEIDA"));
    }

    [Theory]
    [InlineData("JEAN PIERRE MARIE", "JEAN", true)]
    [InlineData("JEAN PIERRE MARIE", "JEAN PIERRE", true)]
    [InlineData("JEANNE", "JEAN", false)]
    [InlineData("JEAN PIERRE", "PIERRE", false)]
    public void GivenNamesStartWith_MatchesWholeWordsFromTheStart(string list, string given, bool expected) =>
        Assert.Equal(expected, InsName.GivenNamesStartWith(list, given));
}
