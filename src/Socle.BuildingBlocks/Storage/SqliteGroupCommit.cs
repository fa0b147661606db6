using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Socle.BuildingBlocks.Storage;

/// <summary>
/// Group commit for the embedded SQLite file. Short write units from concurrent requests, of any module, run one after
/// the other on one connection and commit in one transaction. SQLite lets one writer in at a time, and each commit
/// appends every page it changed to the WAL: one commit per request queued each request behind the others' handoffs
/// on <see cref="SqliteWriteGate"/> and wrote the same table and index pages again and again (decision 0017).
/// </summary>
/// <remarks>
/// Each unit runs in its own savepoint: a unit that throws undoes only its own writes and gets its exception, the others
/// commit. If the commit itself fails, every unit of the batch fails. A unit runs on the committer's loop, so it must be
/// short and use only the statements of the <see cref="SqliteBatch"/> it is given. The statements stay prepared on the
/// committer's connection from one batch to the next.
/// </remarks>
public sealed class SqliteGroupCommit : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly Channel<Unit> queue = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<string> connectionString;
    private readonly Task loop;
    private SqliteBatch? statements;

    public SqliteGroupCommit(IConfiguration configuration, IOptions<StorageOptions> storage)
    {
        connectionString = new Lazy<string>(() => StorageConfiguration.ConnectionString(configuration, storage.Value));
        loop = Task.Run(RunAsync);
    }

    /// <summary>Runs <paramref name="work"/> in the next group transaction; completes once that transaction is committed.</summary>
    /// <remarks>A unit already queued is written even if the caller stops waiting: the caller cannot know whether it was.</remarks>
    public Task<T> WriteAsync<T>(Func<SqliteBatch, T> work, CancellationToken cancellationToken)
    {
        var unit = new Unit<T>(work);
        if (!queue.Writer.TryWrite(unit))
        {
            throw new ObjectDisposedException(nameof(SqliteGroupCommit));
        }

        return unit.Done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
        statements?.Dispose();
    }

    private async Task RunAsync()
    {
        var batch = new List<Unit>(MaxBatch);
        while (await queue.Reader.ReadBatchAsync(batch, MaxBatch))
        {
            await CommitAsync(batch);
            foreach (var unit in batch)
            {
                unit.Complete();
            }
        }
    }

    private async Task CommitAsync(List<Unit> batch)
    {
        SqliteWriteGate.Lease? lease = null;
        try
        {
            statements ??= SqliteBatch.Open(connectionString.Value);
            lease = await SqliteWriteGate.Instance.EnterAsync(statements.Connection, CancellationToken.None);
            using var transaction = statements.Begin();
            foreach (var unit in batch)
            {
                statements.Execute("SAVEPOINT unit");
                try
                {
                    unit.Run(statements);
                    statements.Execute("RELEASE unit");
                }
                catch (Exception ex)
                {
                    // If SQLite rolled back the whole transaction (a full disk, an I/O error), the savepoint is gone and
                    // this throws: the whole batch fails below.
                    unit.Fail(ex);
                    statements.Execute("ROLLBACK TO unit");
                    statements.Execute("RELEASE unit");
                }
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            // Nothing of the batch is written: every unit fails, and the next batch starts on a fresh connection.
            foreach (var unit in batch)
            {
                unit.Fail(ex);
            }

            statements?.Dispose();
            statements = null;
        }
        finally
        {
            lease?.Release();
        }
    }

    private abstract class Unit
    {
        public abstract void Run(SqliteBatch batch);

        public abstract void Fail(Exception exception);

        public abstract void Complete();
    }

    private sealed class Unit<T>(Func<SqliteBatch, T> work) : Unit
    {
        private T? result;
        private Exception? error;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run(SqliteBatch batch) => result = work(batch);

        // The first failure is the unit's own; a failed commit after it does not replace it.
        public override void Fail(Exception exception) => error ??= exception;

        public override void Complete()
        {
            if (error is null)
            {
                Done.TrySetResult(result!);
            }
            else
            {
                Done.TrySetException(error);
            }
        }
    }
}
