using FsCheck;
using Socle.Identity.Domain;

namespace Socle.Identity.Tests;

public sealed class NirTests
{
    [Theory]
    [InlineData("277076322082910")]
    [InlineData("114120602900172")]
    public void Validate_KnownValidNir_IsValid(string nir) => Assert.Null(Nir.Validate(nir));

    [Fact]
    public void Build_AnyTraits_ProducesAValidNirThatEncodesThem() =>
        Prop.ForAll(
                Arb.From(
                    from sex in Gen.Choose(0, 1)
                    from year in Gen.Choose(1930, 2024)
                    from month in Gen.Choose(1, 12)
                    from place in Gen.Elements("75115", "2A004", "2B033", "97411", "99352", "01053")
                    select (sex, year, month, place)),
                t =>
                {
                    var (sex, year, month, place) = t;
                    var gender = sex == 0 ? Gender.Male : Gender.Female;
                    var nir = Nir.Build(gender, new DateOnly(year, month, 1), place, 42);
                    return Nir.Validate(nir) is null
                        && nir[0] == (gender == Gender.Male ? '1' : '2')
                        && nir.Substring(1, 2) == (year % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture)
                        && nir.Substring(5, 5) == place;
                })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Validate_AnySingleDigitChange_IsDetected() =>
        Prop.ForAll(
                Arb.From(Gen.Choose(0, 12)),
                Arb.From(Gen.Choose(1, 9)),
                (position, delta) =>
                {
                    const string valid = "277076322082910";
                    var chars = valid.ToCharArray();
                    chars[position] = (char)('0' + ((chars[position] - '0' + delta) % 10));
                    return Nir.Validate(new string(chars)) is not null;
                })
            .QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("277076322082911", "check key")]
    [InlineData("377076322082910", "sex")]
    [InlineData("277136322082910", "month 13")]
    [InlineData("277079622082910", "department '96'")]
    [InlineData("2770763220829", "15 characters")]
    [InlineData("27707632208291A", "only digits")]
    [InlineData("277076322000010", "order number")]
    public void Validate_ImpossibleNir_SaysWhy(string nir, string reason)
    {
        var error = Nir.Validate(nir);
        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeKey_Corsica_Reads2AAs19And2BAs18()
    {
        Assert.Equal(Nir.ComputeKey("1850219004123"), Nir.ComputeKey("18502" + "2A" + "004123"));
        Assert.Equal(Nir.ComputeKey("1850218033123"), Nir.ComputeKey("18502" + "2B" + "033123"));
    }
}
