using System.Threading.Channels;
using Socle.Directory.Import;

namespace Socle.Directory.Extracts;

/// <summary>
/// One data line split into its fields, or why it cannot be; or, when the previous import had the same line byte for
/// byte, its bytes left undecoded and unsplit with the key hash of the version it gave in the line table
/// (<see cref="KnownKey"/>).
/// </summary>
internal readonly record struct SplitLine(long Number, string[]? Fields, string? Error, long Hash = 0, byte[]? Unsplit = null, long KnownKey = 0);

/// <summary>Lines read so far, and how many bytes of the file they took.</summary>
internal sealed record SplitLineBatch(SplitLine[] Lines, long BytesRead);

/// <summary>
/// Reads, decodes and splits the lines of one extract on a thread-pool thread, a few batches ahead of the importer,
/// so that the two halves of the work run on two cores. Lines the previous import had are neither decoded nor split.
/// Empty lines are skipped. At most <see cref="BatchesAhead"/> batches wait: memory stays bounded whatever the file's
/// size.
/// </summary>
internal sealed class SplitLineReader : IAsyncDisposable
{
    // Small, so that the lines in flight die young: batches of 1,024 Personne_activite lines (about 2.7 MB of strings
    // each) kept some 11 MB alive at every gen0 collection, which then promoted them. A full import at 1,700,000
    // professionals paused 9 s for the GC with 1,024 lines, 1.4 s with 128 (docs/performance.md).
    public const int BatchSize = 128;
    private const int BatchesAhead = 2;

    private readonly Channel<SplitLineBatch> batches = Channel.CreateBounded<SplitLineBatch>(
        new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });

    private readonly CancellationTokenSource stop;
    private readonly Task producer;

    private SplitLineReader(ExtractLineReader reader, int columns, KnownLines known, CancellationToken cancellationToken)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        reader.Known = known;
        producer = Task.Run(() => ProduceAsync(reader, columns, stop.Token), CancellationToken.None);
    }

    /// <summary>
    /// Starts reading the data lines of <paramref name="reader"/> (its header already read), each expected to have
    /// <paramref name="columns"/> fields; the lines in <paramref name="known"/> are left unsplit.
    /// </summary>
    public static SplitLineReader Start(ExtractLineReader reader, int columns, KnownLines known, CancellationToken cancellationToken) =>
        new(reader, columns, known, cancellationToken);

    /// <summary>The batches in file order; a reading failure is thrown here.</summary>
    public IAsyncEnumerable<SplitLineBatch> ReadAllAsync(CancellationToken cancellationToken) => batches.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Stops the reading thread if the importer leaves before the end of the file, and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await producer;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose, or the import was cancelled (the importer sees that itself).
        }

        stop.Dispose();
    }

    private async Task ProduceAsync(ExtractLineReader reader, int columns, CancellationToken cancellationToken)
    {
        try
        {
            var lines = new List<SplitLine>(BatchSize);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Text is { Length: 0 })
                {
                    continue;
                }

                if (line.Raw is not null)
                {
                    lines.Add(new SplitLine(line.Number, null, null, line.Hash, line.Raw, line.KnownKey));
                }
                else
                {
                    string[]? fields = null;
                    var error = line.Error;
                    if (error is null)
                    {
                        fields = ExtractFields.Split(line.Text!, columns, out error);
                    }

                    lines.Add(new SplitLine(line.Number, fields, error, line.Hash));
                }

                if (lines.Count == BatchSize)
                {
                    await batches.Writer.WriteAsync(new SplitLineBatch([.. lines], reader.BytesRead), cancellationToken);
                    lines.Clear();
                }
            }

            if (lines.Count > 0)
            {
                await batches.Writer.WriteAsync(new SplitLineBatch([.. lines], reader.BytesRead), cancellationToken);
            }

            batches.Writer.Complete();
        }
        catch (Exception exception)
        {
            batches.Writer.Complete(exception);
            throw;
        }
    }
}
