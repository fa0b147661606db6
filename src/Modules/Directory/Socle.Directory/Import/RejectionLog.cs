namespace Socle.Directory.Import;

/// <summary>The rejected lines of one import: all are counted, the first ones are kept for the report.</summary>
internal sealed class RejectionLog(int keep)
{
    private readonly List<RejectedLine> lines = [];

    public long Count { get; private set; }

    public IReadOnlyList<RejectedLine> Lines => lines;

    public void Add(string file, long line, string reason)
    {
        Count++;
        if (lines.Count < keep)
        {
            lines.Add(new RejectedLine(file, line, reason));
        }
    }
}
