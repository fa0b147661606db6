using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Socle.Connect.Domain;

/// <summary>
/// PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP 2023): the mirror has no Argon2 or scrypt library
/// (docs/decisions/0011). The stored form names the algorithm and iterations so that they can be raised later.
/// </summary>
internal static class PasswordHasher
{
    public const int Iterations = 600_000;
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;
    private const string Algorithm = "pbkdf2-sha256";

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"{Algorithm}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Algorithm || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A reason the new password is refused, in French for the pages; null when it is acceptable.</summary>
    public static string? Weakness(string password) => password.Length switch
    {
        < MinimumLength => $"Le mot de passe doit comporter au moins {MinimumLength} caractères.",
        > MaximumLength => $"Le mot de passe doit comporter au plus {MaximumLength} caractères.",
        _ when password.Distinct().Count() < 5 => "Le mot de passe est trop répétitif.",
        _ => null,
    };
}
