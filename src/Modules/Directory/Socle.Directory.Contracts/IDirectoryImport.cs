namespace Socle.Directory.Contracts;

/// <summary>Loads the public extract files of the Annuaire Santé into the directory.</summary>
public interface IDirectoryImport
{
    /// <summary>
    /// Imports the given files (plain or zipped) as the new published snapshot, applying only differences.
    /// Progress is reported in bytes read over the total size.
    /// </summary>
    Task<ImportReport> ImportAsync(IReadOnlyList<string> files, IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken);
}

/// <summary>
/// The outcome of one import. <paramref name="UnchangedLines"/> counts the lines read that the previous import had
/// byte for byte: their records were taken as unchanged without parsing the lines again.
/// </summary>
public sealed record ImportReport(
    long ImportId,
    bool Published,
    string? RefusalReason,
    long RowsRead,
    long UnchangedLines,
    IReadOnlyList<EntityChanges> Changes,
    IReadOnlyList<RejectedLine> Rejected,
    long RejectedTotal,
    TimeSpan Duration,
    IReadOnlyList<ImportPhase> Phases);

/// <summary>How long one step of an import took (reading and staging, each table's merge...).</summary>
public sealed record ImportPhase(string Name, double Seconds);

/// <summary>What one import did to one kind of record.</summary>
public sealed record EntityChanges(string Entity, long Added, long Changed, long Removed, long Unchanged);

/// <summary>A line the import left out, and why.</summary>
public sealed record RejectedLine(string File, long Line, string Reason);
