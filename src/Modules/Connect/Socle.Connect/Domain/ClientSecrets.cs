using System.Security.Cryptography;

namespace Socle.Connect.Domain;

/// <summary>Client ids; a client secret is an opaque handle like the others (<see cref="Handles"/>), stored as its SHA-256.</summary>
internal static class ClientSecrets
{
    public static string NewClientId() => "socle-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
