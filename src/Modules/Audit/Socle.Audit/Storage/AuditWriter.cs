using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Socle.Audit.Domain;
using Socle.BuildingBlocks.Storage;

namespace Socle.Audit.Storage;

/// <summary>
/// Appends entries with group commit: concurrent requests are chained and written in one transaction, and each
/// request waits until its own entry is committed. Several hosts may append to the same chain: the sequence is
/// the primary key, so a host that raced another one fails its insert, re-reads the head and retries. The head this
/// writer committed last is kept, so that a batch costs one round trip less; a conflict drops it.
/// </summary>
internal sealed partial class AuditWriter : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private const int MaxRetries = 20;
    private const int SqliteConstraint = 19;
    private const string UniqueViolation = "23505";

    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(50_000) { SingleReader = true });
    private readonly IServiceScopeFactory scopes;
    private readonly SqliteGroupCommit groupCommit;
    private readonly IOptions<StorageOptions> storage;
    private readonly ILogger<AuditWriter> logger;
    private readonly Task loop;
    private (long Sequence, string Hash)? head;

    public AuditWriter(IServiceScopeFactory scopes, SqliteGroupCommit groupCommit, IOptions<StorageOptions> storage, ILogger<AuditWriter> logger)
    {
        this.scopes = scopes;
        this.groupCommit = groupCommit;
        this.storage = storage;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await queue.Writer.WriteAsync(pending, cancellationToken);

        // The entry is written even if the caller goes away: an access that happened stays traced.
        await pending.Done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.ReadBatchAsync(batch, MaxBatch))
        {
            try
            {
                await WriteBatchAsync(batch);
                foreach (var item in batch)
                {
                    item.Done.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                LogWriteFailed(logger, ex, batch.Count);
                foreach (var item in batch)
                {
                    item.Done.TrySetException(ex);
                }
            }
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                head = storage.Value.IsPostgres
                    ? await AppendAsync(batch)
                    : await groupCommit.WriteAsync(statements => Append(statements, batch), CancellationToken.None);
                return;
            }
            catch (Exception ex) when (attempt < MaxRetries && ex is SqliteException { SqliteErrorCode: SqliteConstraint } or DbException { SqlState: UniqueViolation })
            {
                // Another host appended first: re-read the head and chain again.
                head = null;
            }
        }
    }

    /// <summary>
    /// On a server database the batch is one round trip without an explicit transaction (AuditInsert). The head read
    /// needs no transaction either: a stale head fails on the key.
    /// </summary>
    private async Task<(long, string)> AppendAsync(List<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        if (head is null)
        {
            var last = await db.Entries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync();
            head = last is null ? (0, AuditChain.GenesisHash) : (last.Sequence, last.Hash);
        }

        var sealedHead = Seal(batch, head.Value);
        await db.Database.OpenConnectionAsync();
        await AuditInsert.AppendAsync(db.Database.GetDbConnection(), batch.Select(item => item.Entry), CancellationToken.None);
        return sealedHead;
    }

    /// <summary>On the embedded file, the batch joins the group commit of the moment (docs/decisions/0017).</summary>
    private (long, string) Append(SqliteBatch statements, List<Pending> batch)
    {
        var sealedHead = Seal(batch, head ?? AuditInsert.ReadHead(statements));
        foreach (var item in batch)
        {
            AuditInsert.Append(statements, item.Entry);
        }

        return sealedHead;
    }

    private static (long, string) Seal(List<Pending> batch, (long Sequence, string Hash) from)
    {
        var (sequence, previous) = from;
        foreach (var item in batch)
        {
            AuditChain.Seal(item.Entry, ++sequence, previous);
            previous = item.Entry.Hash;
        }

        return (sequence, previous);
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Critical, Message = "Writing {Count} audit entries failed; the accesses they trace are refused")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource Done);
}
