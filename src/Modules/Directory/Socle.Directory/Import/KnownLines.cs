namespace Socle.Directory.Import;

/// <summary>
/// The lines that gave the current versions of a file's line table, by <see cref="LineHash"/>, each with the key hash
/// of its version there: a line the new file has again, byte for byte, gives the same records, so the import marks
/// their keys as given and counts them unchanged without splitting or mapping it (decision 0021). Built from the
/// previous import's <see cref="ImportState"/> before the file is read, then only read, by the reading thread.
/// </summary>
internal sealed class KnownLines
{
    public static readonly KnownLines None = new([]);

    private readonly Dictionary<long, long> lines;

    public KnownLines(Dictionary<long, long> lines) => this.lines = lines;

    public int Count => lines.Count;

    /// <summary>The key hash of the version the line gave, if the line is known.</summary>
    public bool TryGet(long lineHash, out long keyHash) => lines.TryGetValue(lineHash, out keyHash);
}
