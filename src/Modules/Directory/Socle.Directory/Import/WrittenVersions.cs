namespace Socle.Directory.Import;

/// <summary>
/// The new versions one table gets during an import, kept in a temporary file until the import's state is written:
/// on a first load that is every record of the file, which memory need not hold. Deleted when disposed.
/// </summary>
internal sealed class WrittenVersions : IDisposable
{
    private FileStream? stream;
    private BinaryWriter? writer;

    public long Count { get; private set; }

    public void Add(in ImportState.Entry entry)
    {
        if (writer is null)
        {
            stream = RecordSpill.CreateTemporary("written");
            writer = new BinaryWriter(stream);
        }

        writer.Write(entry.KeyHash);
        writer.Write(entry.Id);
        writer.Write(entry.Hash);
        writer.Write(entry.Line);
        writer.Write(entry.Parent0);
        writer.Write(entry.Parent1);
        Count++;
    }

    public IEnumerable<ImportState.Entry> ReadAll()
    {
        if (writer is null)
        {
            yield break;
        }

        writer.Flush();
        stream!.Position = 0;
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        for (var n = 0L; n < Count; n++)
        {
            yield return new ImportState.Entry(reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64());
        }
    }

    public void Dispose()
    {
        writer?.Dispose();
        stream?.Dispose();
    }
}
