using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Socle.Directory.Extracts;
using Socle.Directory.Lookup;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>
/// Imports a set of extract files as the new published snapshot. Everything happens in one database transaction:
/// readers see the previous snapshot until the commit and the new one after it, and a refused or aborted import
/// leaves the previous snapshot as it was. Lines are streamed and checked, each record is compared with the current
/// version of its table (<see cref="TableKeys"/>), and only the differences are staged and then merged set-wise;
/// a file whose tables are all empty (a first load) is written straight into them (<see cref="TableLoader"/>).
/// </summary>
internal sealed partial class DirectoryImporter(
    DirectoryDbContext db,
    IOptions<DirectoryOptions> options,
    TimeProvider clock,
    DirectorySnapshot snapshot,
    ILogger<DirectoryImporter> logger) : IDirectoryImport
{
    private const int KeptRejections = 10_000;

    public async Task<ImportReport> ImportAsync(IReadOnlyList<string> files, IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        var sources = ExtractSource.Resolve(files);
        var watch = Stopwatch.StartNew();
        var startedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var rejected = new RejectionLog(KeptRejections);
        var reading = new ReadState(sources.Sum(s => s.Length), progress);
        var phases = new ImportPhases();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();
            if (db.IsPostgres)
            {
                // One import at a time: the current versions read below stay the current ones until this commit.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7368001)", cancellationToken);

                // Memory for the merge's joins and index builds, for this transaction only; and index probes priced as what
                // they are for tables this hot, or closing 12,000 versions by id would scan the whole table.
                await db.Database.ExecuteSqlRawAsync(
                    "SET LOCAL work_mem = '128MB'; SET LOCAL maintenance_work_mem = '512MB'; SET LOCAL random_page_cost = 1.1", cancellationToken);
            }

            // The run's id marks the rows a first load writes as it reads; the row is only seen once it says "published".
            var run = new ImportRun { Status = "running", Files = string.Join(", ", sources.Select(s => s.Name)), StartedAt = startedAt };
            db.Imports.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            await StageWriter.CreateTablesAsync(connection, dbTransaction, cancellationToken);
            var refusal = await StageAsync(sources, connection, dbTransaction, run.Id, startedAt, rejected, reading, phases, cancellationToken);
            if (refusal is not null)
            {
                return await RefuseAsync(transaction, files, startedAt, reading.Rows, rejected, refusal, watch);
            }

            if (reading.Rows == 0)
            {
                return await RefuseAsync(transaction, files, startedAt, 0, rejected, "the files hold no data lines", watch);
            }

            var ratio = (double)rejected.Count / reading.Rows;
            if (ratio > options.Value.MaxRejectedRatio)
            {
                return await RefuseAsync(transaction, files, startedAt, reading.Rows, rejected, string.Create(
                    CultureInfo.InvariantCulture, $"{rejected.Count} of {reading.Rows} lines rejected ({ratio:P2}), above the limit of {options.Value.MaxRejectedRatio:P2}"), watch);
            }

            var changes = reading.Tables.Select(t => t.Changes!).ToList();
            foreach (var table in reading.Tables)
            {
                await ImportSql.SyncIdentityAsync(connection, dbTransaction, table.Keys.Table, table.Keys.MaxId, cancellationToken);
            }

            if (!db.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync(DirectorySql.DropSqliteStage, cancellationToken);
            }

            run.Status = "published";
            run.RowsRead = reading.Rows;
            run.RowsRejected = rejected.Count;
            run.FinishedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
            run.Summary = Summary(changes);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            phases.Lap("commit");
            snapshot.Published(run.Id);
            LogPublished(logger, run.Id, reading.Rows, rejected.Count, watch.Elapsed.TotalSeconds);
            return new ImportReport(run.Id, true, null, reading.Rows, reading.UnchangedLines, changes, rejected.Lines, rejected.Count, watch.Elapsed, phases.All);
        }
        finally
        {
            foreach (var table in reading.Tables)
            {
                table.Keys.Dispose();
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Reads every source: each record is checked, compared with the current version of its table, and staged when it is
    /// new or changed. A file's merges (or a first load's index builds) run on the connection while the next file is
    /// read (decision 0022). Returns why the import is refused, or null.
    /// </summary>
    private async Task<string?> StageAsync(
        IReadOnlyList<ExtractSource> sources, DbConnection connection, DbTransaction transaction, long importId, long validFrom, RejectionLog rejected, ReadState reading,
        ImportPhases phases, CancellationToken cancellationToken)
    {
        var kinds = new HashSet<ExtractKind>();
        FileWork? previous = null;
        reading.LatestImports = await LatestImportsAsync(connection, transaction, cancellationToken);
        try
        {
            foreach (var source in InWorkOrder(sources, firstLoad: reading.LatestImports.Count == 0))
            {
                if (source.Length > options.Value.MaxFileBytes)
                {
                    return $"{source.Name} is larger than the limit of {options.Value.MaxFileBytes} bytes";
                }

                await using var stream = source.Open();
                var reader = await ExtractLineReader.OpenAsync(stream, cancellationToken);
                var header = await reader.ReadLineAsync(cancellationToken);
                var kind = header?.Text is { } text ? ExtractKind.FromHeader(text) : null;
                if (kind is null)
                {
                    return $"{source.Name} is not an Annuaire Santé extract: its header line is not that of {string.Join(", ", ExtractKind.All.Select(k => k.FilePrefix))}";
                }

                if (ExtractKind.FromFileName(source.Name) is { } named && named != kind)
                {
                    return $"{source.Name} is named as {named.FilePrefix} but holds {kind.FilePrefix}";
                }

                if (!kinds.Add(kind))
                {
                    return $"two {kind.FilePrefix} files in one import";
                }

                var mapper = ExtractMapper.For(kind);
                var tables = mapper.Keys.ToDictionary(k => k.Table, k => new TableState(k));
                reading.Tables.AddRange(tables.Values);

                // The connection is free: the previous file's work starts once this file's current versions are read.
                var fromState = await LoadCurrentAsync(mapper, connection, transaction, reading, cancellationToken);
                phases.Lap(kind.FilePrefix + (fromState ? ": current versions, from the previous import's state" : ": current versions, from the tables"));
                var firstLoad = mapper.Keys.All(k => k.IsFirstLoad);
                var stage = new DeferredSink(previous?.Start() ?? Task.CompletedTask, () => firstLoad
                    ? TableLoader.OpenAsync(connection, transaction, mapper.Tables, importId, validFrom, cancellationToken)
                    : StageWriter.OpenAsync(connection, transaction, cancellationToken));
                var work = new FileWork(stage, () => AfterFileAsync(stage, [.. tables.Values], firstLoad, kind, connection, transaction, importId, validFrom, phases, cancellationToken));
                try
                {
                    if (await ReadAsync(source, reader, kind, mapper, tables, stage, rejected, reading, cancellationToken) is { } refusal)
                    {
                        return refusal;
                    }

                    // Waits for the previous file's work, which leaves the connection free again.
                    await stage.CompleteAsync(cancellationToken);
                    phases.Lap(kind.FilePrefix + ": read, compare and write");
                    foreach (var state in tables.Values)
                    {
                        state.Keys.Finish();
                        state.Loaded = firstLoad;
                        await ImportState.WriteAsync(connection, transaction, state.Keys, importId, cancellationToken);
                        state.Keys.Dispose();
                    }

                    // The next file's maps are as large: without a full collection now, the process would hold both.
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    phases.Lap(kind.FilePrefix + ": state for the next import");
                    await (previous?.DisposeAsync() ?? ValueTask.CompletedTask);
                    (previous, work) = (work, null);
                }
                finally
                {
                    await (work?.DisposeAsync() ?? ValueTask.CompletedTask);
                }
            }

            // The last file's work has no file to run behind; it reports its own time.
            if (previous is not null)
            {
                await previous.Start();
                phases.Resume();
            }

            return null;
        }
        finally
        {
            // Never leave work running on the connection (disposing waits for it): the caller rolls back, or goes on with it.
            await (previous?.DisposeAsync() ?? ValueTask.CompletedTask);
        }
    }

    /// <summary>
    /// The order to read the files in, so that each file's database work runs behind the reading of the next. On a first
    /// load, the smallest first: the index builds of the largest file (Personne_activite) take longer than reading all
    /// the others, whose own writes would wait behind them. On a later import, the largest first: its merges are the
    /// longest, and the smaller files' reading hides them.
    /// </summary>
    private static IEnumerable<ExtractSource> InWorkOrder(IReadOnlyList<ExtractSource> sources, bool firstLoad) =>
        firstLoad ? sources.OrderBy(s => s.Length) : sources.OrderByDescending(s => s.Length);

    /// <summary>Reads one source's lines into its sink. Returns why the import is refused, or null.</summary>
    private async Task<string?> ReadAsync(
        ExtractSource source, ExtractLineReader reader, ExtractKind kind, ExtractMapper mapper, Dictionary<DirectoryTable, TableState> tables, IRecordSink stage,
        RejectionLog rejected, ReadState reading, CancellationToken cancellationToken)
    {
        var records = new List<StagedRecord>(4);
        await using var lines = SplitLineReader.Start(reader, kind.Columns.Count, mapper.Keys[^1].Known, cancellationToken);
        await foreach (var batch in lines.ReadAllAsync(cancellationToken))
        {
            for (var n = 0; n < batch.Lines.Length; n++)
            {
                mapper.PrefetchAhead(batch.Lines, n);
                var line = batch.Lines[n];
                reading.Rows++;
                string? reason;
                if (line.Unsplit is not null && mapper.TrySkip(line.KnownKey, line.Hash, line.Number, out reason))
                {
                    reading.UnchangedLines += reason is null ? 1 : 0;
                }
                else
                {
                    var fields = line.Fields;
                    reason = line.Error;
                    if (line.Unsplit is not null)
                    {
                        // A known line that must be mapped after all (see TrySkip): rare, so decoded only now.
                        fields = reader.TryDecode(line.Unsplit, out var known) ? ExtractFields.Split(known, kind.Columns.Count, out reason) : null;
                        reason ??= fields is null ? ExtractLineReader.InvalidBytes : null;
                    }

                    reason ??= mapper.Map(fields!, line.Number, records);
                }

                if (reason is not null)
                {
                    rejected.Add(source.Name, line.Number, reason);
                }

                foreach (var parsed in records)
                {
                    var record = parsed with { Line = line.Hash };
                    if (tables[record.Table].Keys.Accept(record) is var id and not 0)
                    {
                        await stage.WriteAsync(record with { Id = id }, cancellationToken);
                    }
                }

                records.Clear();
            }

            if (batch.BytesRead > options.Value.MaxFileBytes)
            {
                return $"{source.Name} is larger than the limit of {options.Value.MaxFileBytes} bytes";
            }

            reading.Report(batch.BytesRead);
        }

        reading.EndOfSource(reader.BytesRead);
        return null;
    }

    /// <summary>
    /// A file's database work once it is read, which may run while the next file is read: a first load's remaining
    /// writes and index builds, or the merges of its tables' differences. One time for the whole snapshot: the versions
    /// it closes end when the versions it opens begin.
    /// </summary>
    private static async Task AfterFileAsync(
        IRecordSink stage, IReadOnlyList<TableState> tables, bool firstLoad, ExtractKind kind, DbConnection connection, DbTransaction transaction,
        long importId, long validFrom, ImportPhases phases, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await stage.FinishAsync(cancellationToken);
        if (firstLoad)
        {
            phases.Add(kind.FilePrefix + ": indexes", watch.Elapsed);
            foreach (var table in tables)
            {
                table.Changes = table.Keys.Changes();
            }

            return;
        }

        await StageWriter.WriteClosesAsync(connection, transaction, tables.SelectMany(t => t.Keys.ToClose.Select(id => (t.Keys.Table.Code, id))), cancellationToken);
        foreach (var table in tables)
        {
            watch.Restart();
            table.Changes = await SnapshotMerger.MergeAsync(connection, transaction, table.Keys, importId, validFrom, cancellationToken);
            phases.Add("merge " + table.Keys.Table.Entity, watch.Elapsed);
        }
    }

    /// <summary>
    /// Reads the current versions of the mapper's tables: from the state the previous import left, when it is valid
    /// (<see cref="ImportState"/>), or else from the tables. Returns whether the state gave them.
    /// </summary>
    private async Task<bool> LoadCurrentAsync(ExtractMapper mapper, DbConnection connection, DbTransaction transaction, ReadState reading, CancellationToken cancellationToken)
    {
        foreach (var keys in mapper.Keys)
        {
            await keys.ReadMaxIdAsync(connection, transaction, cancellationToken);
        }

        if (await ImportState.TryLoadAsync(connection, transaction, mapper.Keys, reading.LatestImports!, cancellationToken))
        {
            return true;
        }

        foreach (var keys in mapper.Keys)
        {
            await keys.LoadCurrentAsync(connection, transaction, cancellationToken);
        }

        return false;
    }

    /// <summary>
    /// The latest published import that read each table's file, by table code, from the imports' summaries (one
    /// "entity: changes" entry per table read). A table's state is valid only if that import wrote it.
    /// </summary>
    private static async Task<Dictionary<int, long>> LatestImportsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // Plain SQL: compiling a LINQ query would cost a cold CLI more than the query.
        await using var command = ImportSql.Command(connection, transaction,
            $"SELECT \"Id\", \"Summary\" FROM {DirectorySql.Table(connection is Npgsql.NpgsqlConnection, DirectoryDbContext.ImportsTable)} " +
            "WHERE \"Status\" = 'published' AND \"Summary\" IS NOT NULL ORDER BY \"Id\" DESC");
        var latest = new Dictionary<int, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            foreach (var entity in EntitiesOf(reader.GetString(1)))
            {
                if (DirectoryTable.All.FirstOrDefault(t => t.Entity == entity) is { } table)
                {
                    latest.TryAdd(table.Code, reader.GetInt64(0));
                }
            }
        }

        return latest;
    }

    /// <summary>A published import's summary: one "entity: +added ~changed -removed" entry per table it read.</summary>
    private static string Summary(IEnumerable<EntityChanges> changes) =>
        JsonSerializer.Serialize(changes.Select(c => $"{c.Entity}: +{c.Added} ~{c.Changed} -{c.Removed}"));

    /// <summary>The tables a published import read, from its <see cref="Summary"/>.</summary>
    private static IEnumerable<string> EntitiesOf(string summary) =>
        (JsonSerializer.Deserialize<string[]>(summary) ?? []).Select(entry => entry.Split(':')[0]);

    private async Task<ImportReport> RefuseAsync(
        IDbContextTransaction transaction, IReadOnlyList<string> files, long startedAt, long rows, RejectionLog rejected, string reason, Stopwatch watch)
    {
        await transaction.RollbackAsync(CancellationToken.None);
        var run = new ImportRun
        {
            Status = "refused", Files = string.Join(", ", files.Select(Path.GetFileName)), StartedAt = startedAt,
            FinishedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(), RowsRead = rows, RowsRejected = rejected.Count, Summary = reason,
        };
        db.ChangeTracker.Clear();
        db.Imports.Add(run);
        await db.SaveChangesAsync(CancellationToken.None);
        LogRefused(logger, reason);
        return new ImportReport(run.Id, false, reason, rows, 0, [], rejected.Lines, rejected.Count, watch.Elapsed, []);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Directory snapshot {ImportId} published: {Rows} lines read, {Rejected} rejected, in {Seconds:0.0} s")]
    private static partial void LogPublished(ILogger logger, long importId, long rows, long rejected, double seconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Directory import refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    /// <summary>Rows and bytes read so far, across the sources.</summary>
    private sealed class ReadState(long totalBytes, IProgress<(long Done, long Total)>? progress)
    {
        private long bytesOfPreviousSources;

        public long Rows { get; set; }

        /// <summary>Lines the previous import had byte for byte, whose records were not mapped again.</summary>
        public long UnchangedLines { get; set; }

        /// <summary>The latest published import that read each table's file (see <see cref="LatestImportsAsync"/>).</summary>
        public Dictionary<int, long>? LatestImports { get; set; }

        public List<TableState> Tables { get; } = [];

        public void Report(long bytesOfSource) => progress?.Report((bytesOfPreviousSources + bytesOfSource, totalBytes));

        public void EndOfSource(long bytesOfSource)
        {
            bytesOfPreviousSources += bytesOfSource;
            progress?.Report((bytesOfPreviousSources, totalBytes));
        }
    }

    /// <summary>One table an import writes: its keys, current versions and counts.</summary>
    private sealed class TableState(TableKeys keys)
    {
        public TableKeys Keys { get; } = keys;

        /// <summary>Written straight into the empty table (a first load) rather than staged for a merge.</summary>
        public bool Loaded { get; set; }

        /// <summary>What the import did to the table, once its file's work is done.</summary>
        public EntityChanges? Changes { get; set; }
    }

    /// <summary>A file's database work (<see cref="AfterFileAsync"/>), started once, and its sink, disposed after it.</summary>
    private sealed class FileWork(IRecordSink stage, Func<Task> work) : IAsyncDisposable
    {
        private Task? running;

        public Task Start() => running ??= Task.Run(work);

        public async ValueTask DisposeAsync()
        {
            if (running is not null)
            {
                await Task.WhenAny(running);
            }

            await stage.DisposeAsync();
        }
    }
}
