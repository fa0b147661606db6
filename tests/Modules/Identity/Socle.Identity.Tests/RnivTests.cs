using Socle.BuildingBlocks.Errors;
using Socle.Identity.Domain;
using Socle.Identity.Domain.Local;

namespace Socle.Identity.Tests;

public sealed class RnivTests
{
    [Theory]
    [InlineData(false, false, "PROV")]
    [InlineData(false, true, "VALI")]
    [InlineData(true, false, "RECUP")]
    [InlineData(true, true, "QUAL")]
    public void Derive_TwoFacts_GiveTheFourStatuses(bool insi, bool document, string expected) =>
        Assert.Equal(expected, Rniv.Derive(insi, document).Code());

    [Fact]
    public void AttachIns_ThenDocument_IsQualifiedAndMayShareIns()
    {
        var identity = IdentityBuilders.Local();
        identity.AttachIns(IdentityBuilders.Reference(), 1);
        Assert.Equal(IdentityStatus.Retrieved, identity.Status);
        Assert.False(identity.MayShareIns);

        identity.ValidateWithDocument("CN", 2);
        Assert.Equal(IdentityStatus.Qualified, identity.Status);
        Assert.True(identity.MayShareIns);
    }

    [Fact]
    public void SetTraits_StrictTraitChangeOfQualifiedIdentity_DropsTheInsiFact()
    {
        var identity = IdentityBuilders.Local();
        identity.AttachIns(IdentityBuilders.Reference(), 1);
        identity.ValidateWithDocument("PA", 2);

        identity.SetTraits(identity.Traits with { BirthDate = identity.BirthDate.AddDays(1) });

        Assert.Equal(IdentityStatus.Validated, identity.Status);
        Assert.Null(identity.Ins);
    }

    [Fact]
    public void SetTraits_SameTraits_KeepsTheInsiFact()
    {
        var identity = IdentityBuilders.Local();
        identity.AttachIns(IdentityBuilders.Reference(), 1);
        identity.SetTraits(identity.Traits);
        Assert.Equal(IdentityStatus.Retrieved, identity.Status);
    }

    [Fact]
    public void SetAttributes_Doubtful_ForcesProvisionalAndForbidsInsi()
    {
        var identity = IdentityBuilders.Local();
        identity.AttachIns(IdentityBuilders.Reference(), 1);
        identity.ValidateWithDocument("CN", 2);

        identity.SetAttributes(doubtful: true, fictitious: false, homonym: false);

        Assert.Equal(IdentityStatus.Provisional, identity.Status);
        var error = Assert.Throws<DomainException>(() => identity.AttachIns(IdentityBuilders.Reference(), 3));
        Assert.Equal("IDENT-0013", error.Error.Code);
        Assert.Throws<DomainException>(() => identity.ValidateWithDocument("CN", 3));
    }

    [Fact]
    public void SetAttributes_DoubtfulAndFictitious_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => IdentityBuilders.Local().SetAttributes(true, true, false));
        Assert.Equal("IDENT-0014", error.Error.Code);
    }
}
