using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>A parsed record on its way to the staging table: its table, natural key, content hash and fields.</summary>
internal readonly record struct StagedRecord(DirectoryTable Table, string Key, long Hash, string?[] Values)
{
    public static StagedRecord Create(DirectoryTable table, string key, string?[] values) =>
        new(table, key, ContentHash.Of(values), values);
}

/// <summary>
/// FNV-1a 64 over the fields: equal content, equal hash, so that the merge compares one number per record.
/// A collision would hide one change of one record; at 64 bits over a few million records that is negligible.
/// </summary>
internal static class ContentHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static long Of(string?[] values)
    {
        var hash = Offset;
        foreach (var value in values)
        {
            if (value is null)
            {
                hash = (hash ^ 0xFF) * Prime;
            }
            else
            {
                foreach (var c in value)
                {
                    hash = (hash ^ (c & 0xFFu)) * Prime;
                    hash = (hash ^ ((uint)c >> 8)) * Prime;
                }
            }

            hash = (hash ^ 0x1F) * Prime;
        }

        return unchecked((long)hash);
    }

    /// <summary>A stable 16-hex-digit id for a natural key (used as a FHIR id).</summary>
    public static string IdOf(string key) => ((ulong)Of([key])).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
