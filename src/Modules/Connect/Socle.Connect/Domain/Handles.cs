using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Socle.Connect.Domain;

/// <summary>Opaque handles (client secrets, authorization codes, refresh tokens, activation and e-mailed codes): random, stored only as SHA-256.</summary>
internal static class Handles
{
    public static string New() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string handle) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(handle)));

    /// <summary>Whether <paramref name="handle"/> is the one stored as <paramref name="expectedHash"/>, in constant time.</summary>
    public static bool Matches(string handle, string? expectedHash) =>
        expectedHash is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(handle)), Encoding.ASCII.GetBytes(expectedHash));

    /// <summary>A code a person types: 10 characters of an alphabet without look-alikes (about 50 bits).</summary>
    public static string NewHumanCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(11, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = i == 5 ? '-' : alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }
}
