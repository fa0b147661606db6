namespace Socle.Directory.Import;

/// <summary>Where the importer writes the records it keeps from one extract file, inside the import's transaction.</summary>
internal interface IRecordSink : IAsyncDisposable
{
    ValueTask WriteAsync(StagedRecord record, CancellationToken cancellationToken);

    /// <summary>Ends this file's writes.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
