namespace Socle.Directory.Import;

/// <summary>
/// The lines that gave versions of a file's line table in the previous import's <see cref="ImportState"/>, by
/// <see cref="LineHash"/>, each with the key hash of its version there: a line the new file has again, byte for byte,
/// gives the same records, so the import marks their keys as given and counts them unchanged without splitting or
/// mapping it (decision 0021). It is filled while the state is read, entry by entry, so it also names the lines of
/// versions that later entries of the state replaced or removed: the mapper takes a line as known only if the current
/// version of its key came from it (<see cref="ExtractMapper.TrySkip"/>). Built before the file is read, then only
/// read, by the reading thread.
/// </summary>
internal sealed class KnownLines
{
    public static readonly KnownLines None = new(new SplitMap<long>());

    private readonly SplitMap<long> lines;

    public KnownLines(SplitMap<long> lines) => this.lines = lines;

    public int Count => lines.Count;

    /// <summary>The key hash of the version the line gave, if the line is known.</summary>
    public bool TryGet(long lineHash, out long keyHash) => lines.TryGetValue(lineHash, out keyHash);
}
