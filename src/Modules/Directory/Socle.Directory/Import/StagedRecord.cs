using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>
/// A parsed record on its way to its table: its table, natural key, the key's hash (computed once, for the
/// duplicate checks and the comparison with the current versions), content hash and fields, the
/// <see cref="LineHash"/> of the line that gave it, and the row id of its version once it is to be written.
/// </summary>
internal readonly record struct StagedRecord(DirectoryTable Table, string Key, long KeyHash, long Hash, string?[] Values)
{
    public long Line { get; init; }

    public long Id { get; init; }

    public static StagedRecord Create(DirectoryTable table, string key, long keyHash, string?[] values) =>
        new(table, key, keyHash, ContentHash.Of(values), values);
}

/// <summary>
/// FNV-1a 64 over the fields, each UTF-16 code unit as two bytes: equal content, equal hash, so that the merge
/// compares one number per record. A collision would hide one change of one record; at 64 bits over a few million
/// records that is negligible. The hashes are stored with the records: the function must not change.
/// </summary>
internal static class ContentHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    // The two FNV steps of a code unit whose high byte is 0 are ((h ^ low) * Prime ^ 0) * Prime: one multiplication.
    private const ulong PrimeSquared = unchecked(Prime * Prime);

    public static long Of(string?[] values)
    {
        var hash = Offset;
        foreach (var value in values)
        {
            hash = value is null ? (hash ^ 0xFF) * Prime : Add(hash, value);
            hash = (hash ^ 0x1F) * Prime;
        }

        return unchecked((long)hash);
    }

    /// <summary>The hash of one key: the same number as <c>Of([key])</c>, without the array.</summary>
    public static long OfKey(string key) => unchecked((long)((Add(Offset, key) ^ 0x1F) * Prime));

    /// <summary>A stable 16-hex-digit id for a natural key (used as a FHIR id), from its <see cref="OfKey"/> hash.</summary>
    public static string IdOf(long keyHash) => ((ulong)keyHash).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    private static ulong Add(ulong hash, string value)
    {
        foreach (var c in value)
        {
            if (c <= 0xFF)
            {
                hash = (hash ^ c) * PrimeSquared;
            }
            else
            {
                hash = (hash ^ (c & 0xFFu)) * Prime;
                hash = (hash ^ ((uint)c >> 8)) * Prime;
            }
        }

        return hash;
    }
}
