namespace Socle.Directory.Import;

/// <summary>Where the importer writes the records it keeps from one extract file, inside the import's transaction.</summary>
internal interface IRecordSink : IAsyncDisposable
{
    ValueTask WriteAsync(StagedRecord record, CancellationToken cancellationToken);

    /// <summary>Ends this file's writes in flight: the connection is free for other statements afterwards.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);

    /// <summary>What remains of this file's writes, which may run while the next file is read (a first load's indexes).</summary>
    Task FinishAsync(CancellationToken cancellationToken);
}
