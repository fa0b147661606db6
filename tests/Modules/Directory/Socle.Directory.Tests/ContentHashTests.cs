using Socle.Directory.Import;

namespace Socle.Directory.Tests;

/// <summary>Content hashes are stored with the records: the function must give the numbers it always gave.</summary>
public sealed class ContentHashTests
{
    public static TheoryData<string?[]> Contents => new()
    {
        { new string?[] { "810000000009", "DUPONT", "Jean" } },
        { new string?[] { "Hélène", null, "", "CLINIQUE \"LES LILAS\"" } },
        { new string?[] { "Œuvre", "coût 3 €", "Łódź", "日本" } },
        { new string?[] { null } },
        { Array.Empty<string?>() },
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public void TheHash_IsFnv1a64_OverTheTwoBytesOfEachCodeUnit_WithFieldMarkers(string?[] values) =>
        Assert.Equal(Reference(values), ContentHash.Of(values));

    [Theory]
    [InlineData("810000000009")]
    [InlineData("Zoé|Œ|€")]
    [InlineData("")]
    public void AKeyHash_IsTheHashOfTheOneFieldKey(string key)
    {
        Assert.Equal(ContentHash.Of([key]), ContentHash.OfKey(key));
        Assert.Equal(((ulong)Reference([key])).ToString("x16", System.Globalization.CultureInfo.InvariantCulture), ContentHash.IdOf(ContentHash.OfKey(key)));
    }

    [Fact]
    public void TheValuesStoredByEarlierImports_AreComputedAgain()
    {
        // Read back from a database loaded before the hash was made faster: an activity's FHIR id, a person's content hash.
        Assert.Equal("c5d3e2d86bc9b51f", ContentHash.IdOf(ContentHash.OfKey("810000000009|R10000129746|10|SM26|L|FON-10|GENR01")));
        Assert.Equal(-5206413755371540142, ContentHash.Of(["8", "10000000009", "DR", "Docteur", "M", "Monsieur", "PARIS", "Mathéo", "PARIS", "MATHEO"]));
    }

    // The definition, byte by byte, as the stored hashes were computed.
    private static long Reference(string?[] values)
    {
        var hash = 14695981039346656037;
        const ulong prime = 1099511628211;
        foreach (var value in values)
        {
            if (value is null)
            {
                hash = (hash ^ 0xFF) * prime;
            }
            else
            {
                foreach (var c in value)
                {
                    hash = (hash ^ (c & 0xFFu)) * prime;
                    hash = (hash ^ ((uint)c >> 8)) * prime;
                }
            }

            hash = (hash ^ 0x1F) * prime;
        }

        return unchecked((long)hash);
    }
}
