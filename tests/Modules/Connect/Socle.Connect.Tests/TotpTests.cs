using System.Text;
using Socle.Connect.Domain;

namespace Socle.Connect.Tests;

public sealed class TotpTests
{
    // RFC 6238 Appendix B, SHA-1 seed; the RFC prints 8 digits, an authenticator app shows their last 6.
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Codes_are_the_rfc_6238_test_vectors(long unixTime, string eightDigits)
    {
        var step = Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixTime));
        Assert.Equal(eightDigits[2..], Totp.Code(RfcSecret, step));
    }

    [Fact]
    public void The_rfc_seed_survives_base32_as_authenticator_apps_receive_it()
    {
        Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.Encode(RfcSecret));
        Assert.Equal(RfcSecret, Base32.Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq===="));
        Assert.Null(Base32.Decode("GEZDGNBV1"));
    }

    [Fact]
    public void A_code_is_accepted_one_step_either_side_and_only_once()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1111111111);
        var step = Totp.StepAt(now);
        Assert.Equal(step, Totp.Verify(RfcSecret, Totp.Code(RfcSecret, step), now, lastUsedStep: 0));
        Assert.Equal(step - 1, Totp.Verify(RfcSecret, Totp.Code(RfcSecret, step - 1), now, 0));
        Assert.Equal(step + 1, Totp.Verify(RfcSecret, Totp.Code(RfcSecret, step + 1), now, 0));
        Assert.Null(Totp.Verify(RfcSecret, Totp.Code(RfcSecret, step - 2), now, 0));
        Assert.Null(Totp.Verify(RfcSecret, Totp.Code(RfcSecret, step + 2), now, 0));

        // Replay: the step was used already.
        Assert.Null(Totp.Verify(RfcSecret, Totp.Code(RfcSecret, step), now, lastUsedStep: step));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")]
    public void Malformed_codes_are_refused(string code) =>
        Assert.Null(Totp.Verify(RfcSecret, code, DateTimeOffset.FromUnixTimeSeconds(59), 0));

    [Fact]
    public void A_code_typed_with_a_space_is_accepted()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(59);
        var code = Totp.Code(RfcSecret, Totp.StepAt(now));
        Assert.NotNull(Totp.Verify(RfcSecret, code[..3] + " " + code[3..], now, 0));
    }

    [Fact]
    public void The_provisioning_uri_follows_the_key_uri_format()
    {
        var uri = new Uri(Totp.ProvisioningUri("Socle e-CPS", "810000000001", "GEZDGNBV"));
        Assert.Equal("otpauth", uri.Scheme);
        Assert.Equal("totp", uri.Host);
        Assert.Equal("/Socle%20e-CPS:810000000001", uri.AbsolutePath);
        Assert.Equal("?secret=GEZDGNBV&issuer=Socle%20e-CPS&algorithm=SHA1&digits=6&period=30", uri.Query);
    }
}
