using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Socle.BuildingBlocks.Storage;

/// <summary>
/// Queues the write transactions this process opens on one SQLite file on an in-process async lock. SQLite lets one
/// writer in at a time, and a writer that finds the file locked polls with growing sleeps (1, 2, 5 ... 100 ms): under
/// concurrent requests, those sleeps cost far more than the writes. Waiting here instead hands the file to the next
/// writer as soon as the previous one commits or rolls back. Statements outside an EF transaction and other processes
/// (the CLI) are not queued here; SQLite's busy timeout still arbitrates them.
/// </summary>
internal sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    /// <summary>As long as SQLite's own busy timeout: past it, the transaction goes on and SQLite decides.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<DbConnection, Lease> byConnection = [];
    private readonly ConditionalWeakTable<DbTransaction, Lease> byTransaction = [];

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (!byConnection.TryGetValue(connection, out _))
        {
            var gate = Gate(connection);
            byConnection.AddOrUpdate(connection, new Lease(gate, gate.Wait(MaxWait), connection));
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!byConnection.TryGetValue(connection, out _))
        {
            var gate = Gate(connection);
            byConnection.AddOrUpdate(connection, new Lease(gate, await gate.WaitAsync(MaxWait, cancellationToken), connection));
        }

        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (byConnection.TryGetValue(connection, out var lease))
        {
            byTransaction.AddOrUpdate(result, lease);
        }

        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an exception in a using block), or a BEGIN that failed, raises
    // no end event; SQLite rolls back, and the connection closes at the latest when its context is done with it.
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>Takes the file's turn for a write transaction opened outside EF (<see cref="SqliteGroupCommit"/>); release the lease after it.</summary>
    internal async Task<Lease> EnterAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var gate = Gate(connection);
        return new Lease(gate, await gate.WaitAsync(MaxWait, cancellationToken), connection);
    }

    private SemaphoreSlim Gate(DbConnection connection) => gates.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1));

    private void Release(DbTransaction transaction)
    {
        // After a commit, ADO.NET no longer names the transaction's connection: the lease remembers it.
        if (byTransaction.TryGetValue(transaction, out var lease))
        {
            byTransaction.Remove(transaction);
            Release(lease.Connection);
        }
    }

    private void Release(DbConnection connection)
    {
        if (byConnection.TryGetValue(connection, out var lease))
        {
            byConnection.Remove(connection);
            lease.Release();
        }
    }

    /// <summary>One holding of a gate; released once whichever event comes first.</summary>
    internal sealed class Lease(SemaphoreSlim gate, bool entered, DbConnection connection)
    {
        public DbConnection Connection { get; } = connection;

        private int released;

        public void Release()
        {
            if (entered && Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
