namespace Socle.Directory.Import;

/// <summary>
/// The writes of one file while the previous file's database work (its merges, or a first load's index builds) still
/// runs on the import's connection, which runs one statement at a time (decision 0022): its records wait in a
/// temporary file until that work is done, then go, with the ones after them, to the file's own sink, opened then.
/// </summary>
internal sealed class DeferredSink(Task connectionBusy, Func<Task<IRecordSink>> open) : IRecordSink
{
    private RecordSpill? waiting;
    private IRecordSink? sink;

    public async ValueTask WriteAsync(StagedRecord record, CancellationToken cancellationToken)
    {
        if (sink is null && !connectionBusy.IsCompleted)
        {
            (waiting ??= new RecordSpill()).Write(record);
            return;
        }

        await (sink ?? await OpenAsync(cancellationToken)).WriteAsync(record, cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken) =>
        await (sink ?? await OpenAsync(cancellationToken)).CompleteAsync(cancellationToken);

    public Task FinishAsync(CancellationToken cancellationToken) =>
        sink?.FinishAsync(cancellationToken) ?? throw new InvalidOperationException("The file's writes were not completed.");

    public async ValueTask DisposeAsync()
    {
        waiting?.Dispose();
        if (sink is not null)
        {
            await sink.DisposeAsync();
        }
    }

    /// <summary>Waits for the connection (and fails as the previous file's work did), then writes what waited.</summary>
    private async Task<IRecordSink> OpenAsync(CancellationToken cancellationToken)
    {
        await connectionBusy;
        sink = await open();
        if (waiting is not null)
        {
            foreach (var record in waiting.ReadAll())
            {
                await sink.WriteAsync(record, cancellationToken);
            }

            waiting.Dispose();
            waiting = null;
        }

        return sink;
    }
}
