using System.IO.Compression;
using Socle.Directory.Domain;

namespace Socle.Directory.Extracts;

/// <summary>One extract to read: a plain file, or one text entry of a zip archive as the national site ships them.</summary>
internal sealed class ExtractSource
{
    private readonly string path;
    private readonly string? entryName;

    private ExtractSource(string path, string? entryName, long length)
    {
        this.path = path;
        this.entryName = entryName;
        Length = length;
    }

    /// <summary>How the report names the file: its name, or archive/entry.</summary>
    public string Name => entryName is null ? Path.GetFileName(path) : $"{Path.GetFileName(path)}/{entryName}";

    /// <summary>Uncompressed size in bytes.</summary>
    public long Length { get; }

    public static IReadOnlyList<ExtractSource> Resolve(IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            throw DirectoryErrors.NoFiles.ToException();
        }

        var sources = new List<ExtractSource>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw DirectoryErrors.FileNotFound.WithMessage($"The extract file '{file}' does not exist.").ToException();
            }

            if (file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                using var archive = ZipFile.OpenRead(file);
                sources.AddRange(archive.Entries
                    .Where(e => e.FullName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                    .Select(e => new ExtractSource(file, e.FullName, e.Length)));
            }
            else
            {
                sources.Add(new ExtractSource(file, null, new FileInfo(file).Length));
            }
        }

        return sources;
    }

    public Stream Open()
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (entryName is null)
        {
            return file;
        }

        var archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false);
        return new OwningStream(archive.GetEntry(entryName)!.Open(), archive);
    }

    /// <summary>An entry stream that closes its archive with it.</summary>
    private sealed class OwningStream(Stream inner, IDisposable owner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                owner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
