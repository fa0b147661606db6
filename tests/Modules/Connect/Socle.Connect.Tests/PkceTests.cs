using Socle.Connect.Domain;

namespace Socle.Connect.Tests;

public sealed class PkceTests
{
    // RFC 7636 Appendix B.
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    [Fact]
    public void The_rfc_7636_verifier_matches_its_s256_challenge()
    {
        Assert.True(Pkce.IsValidChallenge(Challenge));
        Assert.True(Pkce.Matches(Verifier, Challenge));
    }

    [Fact]
    public void Another_verifier_or_the_plain_method_does_not_match()
    {
        Assert.False(Pkce.Matches(Verifier[..^1] + "l", Challenge));
        Assert.False(Pkce.Matches(Verifier, Verifier)); // "plain": the challenge would be the verifier itself
    }

    [Theory]
    [InlineData("short")]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX")] // 42 characters
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk+")] // outside the unreserved set
    public void Verifiers_outside_rfc_7636_section_4_1_are_invalid(string verifier)
    {
        Assert.False(Pkce.IsValidVerifier(verifier));
        Assert.False(Pkce.Matches(verifier, Challenge));
    }

    [Fact]
    public void Verifier_length_bounds_are_43_and_128()
    {
        Assert.True(Pkce.IsValidVerifier(new string('a', 43)));
        Assert.True(Pkce.IsValidVerifier(new string('~', 128)));
        Assert.False(Pkce.IsValidVerifier(new string('a', 129)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c")]
    [InlineData("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM")]
    public void Challenges_that_are_not_a_base64url_sha256_are_invalid(string? challenge) =>
        Assert.False(Pkce.IsValidChallenge(challenge));
}
