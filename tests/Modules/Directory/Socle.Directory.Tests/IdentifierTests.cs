using FsCheck;
using Socle.BuildingBlocks.Identifiers;
using Socle.Directory.Domain;
using Socle.Directory.Sandbox;

namespace Socle.Directory.Tests;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("10003461033")]
    [InlineData("10102727017")]
    public void Rpps_PublishedExamples_AreAccepted(string rpps) => Assert.Null(ProfessionalIds.Check("8", rpps, "8" + rpps));

    [Theory]
    [InlineData("8", "1000346103", "81000346103", "is not 11 digits")]
    [InlineData("8", "10003461033", "810003461034", "is not the type followed by the number")]
    [InlineData("3", "10003461033", "310003461033", "unknown identifier type")]
    [InlineData("0", "75123", "075123", "is not 9 characters")]
    public void ProfessionalIds_Wrong_SayWhy(string type, string number, string idNat, string reason) =>
        Assert.Contains(reason, ProfessionalIds.Check(type, number, idNat), StringComparison.Ordinal);

    [Fact]
    public void Finess_AnyOtherLastDigitIsRefused() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 99_999_999)), body =>
        {
            var digits = body.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            var valid = digits + Luhn.CheckDigit(digits);
            var wrong = digits + (char)('0' + ((valid[^1] - '0' + 1) % 10));
            return Finess.IsValid(valid) && !Finess.IsValid(wrong) && Rpps.IsValid(DirectoryGenerator.RppsOf(body));
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("73282932000074", true)]
    [InlineData("73282932000075", false)]
    [InlineData("35600000000048", true)]
    [InlineData("35600000012346", true)]
    [InlineData("35600000012345", false)]
    public void Siret_LuhnAndTheLaPosteRule(string siret, bool valid) => Assert.Equal(valid, Sirene.IsValidSiret(siret));

    [Theory]
    [InlineData("F540002698", "540002698", "", "", "", null)]
    [InlineData("F540002699", "540002699", "", "", "", "FINESS site number '540002699'")]
    [InlineData("R1", "", "540002698", "73282932000075", "", "SIRET '73282932000075'")]
    [InlineData("R 1", "", "", "", "", "technical id")]
    public void StructureIds_CheckEveryIdentifier(string technicalId, string site, string legal, string siret, string siren, string? reason)
    {
        var error = StructureIds.Check(technicalId, site, legal, siret, siren);
        if (reason is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(reason, error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("  Hélène d'Albret-Œuvray ", "HELENE D ALBRET OEUVRAY")]
    [InlineData("LEFÈVRE", "LEFEVRE")]
    [InlineData("--", null)]
    public void SearchKey_FoldsCaseAccentsAndPunctuation(string text, string? key) => Assert.Equal(key, SearchText.Key(text));

    [Theory]
    [InlineData("jean.martin@medecin.mssante.fr", true)]
    [InlineData("cardiologie@ch-xyz.mssante.fr", true)]
    [InlineData("jean martin@medecin.mssante.fr", false)]
    [InlineData("a@b@mssante.fr", false)]
    [InlineData("nobody", false)]
    public void MailboxAddress_Shape(string address, bool valid) => Assert.Equal(valid, MailboxAddress.IsValid(address));
}
