using Socle.Connect.Domain;

namespace Socle.Connect.Tests;

public sealed class PasswordHasherTests
{
    [Fact]
    public void A_hash_names_its_algorithm_and_iterations_and_verifies_only_its_password()
    {
        var stored = PasswordHasher.Hash("correct horse battery staple");
        var parts = stored.Split('$');
        Assert.Equal(["pbkdf2-sha256", "600000"], parts[..2]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        Assert.True(PasswordHasher.Verify("correct horse battery staple", stored));
        Assert.False(PasswordHasher.Verify("correct horse battery stapler", stored));
    }

    [Fact]
    public void The_same_password_gets_a_new_salt_each_time() =>
        Assert.NotEqual(PasswordHasher.Hash("correct horse battery staple"), PasswordHasher.Hash("correct horse battery staple"));

    [Fact]
    public void A_hash_stored_with_fewer_iterations_still_verifies_so_that_they_can_be_raised_later()
    {
        var salt = new byte[16];
        var hash = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2("mot de passe ancien"u8.ToArray(), salt, 1_000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        var stored = $"pbkdf2-sha256$1000${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
        Assert.True(PasswordHasher.Verify("mot de passe ancien", stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("md5$1$abc$def")]
    [InlineData("pbkdf2-sha256$many$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$AAAA")]
    public void Unknown_or_malformed_stored_forms_never_verify(string stored) =>
        Assert.False(PasswordHasher.Verify("anything at all", stored));

    [Theory]
    [InlineData("court", "au moins 12")]
    [InlineData("aaaaaaaaaaaaaaaa", "répétitif")]
    [InlineData("abababababab", "répétitif")]
    public void Weak_passwords_are_refused_with_a_reason_in_french(string password, string reason) =>
        Assert.Contains(reason, PasswordHasher.Weakness(password), StringComparison.Ordinal);

    [Fact]
    public void Length_bounds_are_12_and_128()
    {
        Assert.Null(PasswordHasher.Weakness("abcdefghijkl"));
        Assert.Null(PasswordHasher.Weakness(string.Concat(Enumerable.Repeat("abcdefgh", 16))));
        Assert.Contains("au plus 128", PasswordHasher.Weakness(string.Concat(Enumerable.Repeat("abcdefgh", 16)) + "x"), StringComparison.Ordinal);
    }
}
