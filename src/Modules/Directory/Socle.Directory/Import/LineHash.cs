using System.IO.Hashing;

namespace Socle.Directory.Import;

/// <summary>
/// The hash of one raw extract line, over its bytes as read (before decoding, without the line break): a next-day file
/// is about 99 % the same lines as the day before, and a line with the same bytes gives the same records, so the import
/// neither splits nor maps it again (<see cref="KnownLines"/>, decision 0021). Each record stores the hash of the line
/// that gave it.
/// </summary>
internal static class LineHash
{
    /// <summary>
    /// The version of what the mappers make of a line: their checks and the records they write. A change to either must
    /// increase it, or lines the previous import had would keep the records of the previous rules. The next import then
    /// maps every line again, and records that come out the same only get their line hash updated.
    /// </summary>
    public const int MappingVersion = 1;

    /// <summary>The seed of a file's line hashes: the same bytes decoded as another encoding are another line.</summary>
    public static long Seed(int codePage) => ((long)MappingVersion << 32) | (uint)codePage;

    public static long Of(ReadOnlySpan<byte> line, long seed) => unchecked((long)XxHash3.HashToUInt64(line, seed));
}
