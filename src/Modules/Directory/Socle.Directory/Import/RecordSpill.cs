using System.Text;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>
/// Records kept in a temporary file until the import's connection is free to write them, read back in the order they
/// came; deleted when disposed.
/// </summary>
internal sealed class RecordSpill : IDisposable
{
    private static readonly Dictionary<int, DirectoryTable> TablesByCode = DirectoryTable.All.ToDictionary(t => t.Code);

    private readonly FileStream stream = CreateTemporary("spill");

    private readonly BinaryWriter writer;

    public RecordSpill() => writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);

    public long Count { get; private set; }

    public void Write(StagedRecord record)
    {
        writer.Write(record.Table.Code);
        writer.Write(record.Key);
        writer.Write(record.KeyHash);
        writer.Write(record.Hash);
        writer.Write(record.Id);
        writer.Write(record.Values.Length);
        foreach (var value in record.Values)
        {
            writer.Write(value is not null);
            if (value is not null)
            {
                writer.Write(value);
            }
        }

        Count++;
    }

    public IEnumerable<StagedRecord> ReadAll()
    {
        writer.Flush();
        stream.Position = 0;
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        for (var n = 0L; n < Count; n++)
        {
            var table = TablesByCode[reader.ReadInt32()];
            var key = reader.ReadString();
            var keyHash = reader.ReadInt64();
            var hash = reader.ReadInt64();
            var id = reader.ReadInt64();
            var values = new string?[reader.ReadInt32()];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.ReadBoolean() ? reader.ReadString() : null;
            }

            yield return new StagedRecord(table, key, keyHash, hash, values) { Id = id };
        }
    }

    /// <summary>A new temporary file of the import, deleted when closed; <paramref name="kind"/> names what it holds.</summary>
    public static FileStream CreateTemporary(string kind) => new(
        Path.Combine(Path.GetTempPath(), $"socle-directory-{Guid.NewGuid():N}.{kind}"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
        1 << 16, FileOptions.DeleteOnClose);

    public void Dispose()
    {
        writer.Dispose();
        stream.Dispose();
    }
}
