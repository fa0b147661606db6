using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Socle.Audit.Domain;

/// <summary>
/// The hash chain: each entry stores SHA-256(previous hash || canonical content). The canonical content is
/// every field in a fixed order, separated by the ASCII unit separator, so no field can bleed into another.
/// </summary>
internal static class AuditChain
{
    public static readonly string GenesisHash = new('0', 64);
    private const char Separator = '\u001f';

    public static string Canonical(AuditEntry e) => string.Join(
        Separator,
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.OccurredAtMs.ToString(CultureInfo.InvariantCulture),
        e.ClientId,
        e.Organisation,
        e.PersonId ?? string.Empty,
        e.Action,
        e.ResourceType,
        e.ResourceId ?? string.Empty,
        e.PatientId ?? string.Empty,
        e.Purpose,
        e.Outcome,
        e.Detail ?? string.Empty,
        e.SourceAddress ?? string.Empty);

    public static string ComputeHash(string previousHash, AuditEntry entry)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + Canonical(entry));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public static void Seal(AuditEntry entry, long sequence, string previousHash)
    {
        entry.Sequence = sequence;
        entry.PreviousHash = previousHash;
        entry.Hash = ComputeHash(previousHash, entry);
    }
}
