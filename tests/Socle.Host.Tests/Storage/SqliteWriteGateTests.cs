using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Socle.BuildingBlocks.Storage;

namespace Socle.Host.Tests.Storage;

/// <summary>
/// The in-process queue of SQLite write transactions. SQLite's own busy wait is switched off on these connections and the
/// driver's retries last one second, so a writer that met a file locked for longer would fail: the tests that hold the
/// lock longer pass only if the gate made the next writer wait for its turn.
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private static readonly TimeSpan DriverRetries = TimeSpan.FromSeconds(1);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "socle-gate-" + Guid.NewGuid().ToString("N"));

    public SqliteWriteGateTests()
    {
        System.IO.Directory.CreateDirectory(directory);
        using var db = Open();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL; CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
    }

    [Fact]
    public async Task A_second_writer_waits_for_the_first_one_to_commit_instead_of_failing()
    {
        await using var first = Open();
        await using var second = Open();
        await using var holding = await first.Database.BeginTransactionAsync();
        await first.Database.ExecuteSqlRawAsync("INSERT INTO notes (text) VALUES ('first')");

        var waiting = WriteAsync(second, "second");
        await Task.Delay(DriverRetries + TimeSpan.FromMilliseconds(500));
        Assert.False(waiting.IsCompleted);

        await holding.CommitAsync();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["first", "second"], await TextsAsync());
    }

    [Fact]
    public async Task A_rolled_back_transaction_lets_the_next_writer_in()
    {
        await using (var first = Open())
        {
            await using var transaction = await first.Database.BeginTransactionAsync();
            await first.Database.ExecuteSqlRawAsync("INSERT INTO notes (text) VALUES ('undone')");
            await transaction.RollbackAsync();
        }

        await using var second = Open();
        await WriteAsync(second, "kept").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["kept"], await TextsAsync());
    }

    [Fact]
    public async Task A_transaction_disposed_without_commit_frees_the_file_when_its_connection_closes()
    {
        await using (var first = Open())
        {
            await using (await first.Database.BeginTransactionAsync())
            {
                await first.Database.ExecuteSqlRawAsync("INSERT INTO notes (text) VALUES ('abandoned')");
            }
        }

        await using var second = Open();
        await WriteAsync(second, "kept").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["kept"], await TextsAsync());
    }

    [Fact]
    public async Task Without_the_gate_the_same_race_fails()
    {
        await using var first = Open();
        await using var ungated = Open(gated: false);
        await using var holding = await first.Database.BeginTransactionAsync();
        await first.Database.ExecuteSqlRawAsync("INSERT INTO notes (text) VALUES ('first')");

        var refused = await Assert.ThrowsAsync<SqliteException>(() => WriteAsync(ungated, "second"));
        Assert.Equal(5, refused.SqliteErrorCode); // SQLITE_BUSY
    }

    public void Dispose() => System.IO.Directory.Delete(directory, recursive: true);

    private static async Task WriteAsync(DbContext db, string text)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlAsync($"INSERT INTO notes (text) VALUES ({text})");
        await transaction.CommitAsync();
    }

    private async Task<List<string>> TextsAsync()
    {
        await using var db = Open();
        return await db.Database.SqlQueryRaw<string>("SELECT text AS \"Value\" FROM notes ORDER BY id").ToListAsync();
    }

    private DbContext Open(bool gated = true)
    {
        var options = new DbContextOptionsBuilder<DbContext>()
            .UseSqlite($"Data Source={Path.Combine(directory, "gate.db")};Pooling=False;Default Timeout={DriverRetries.TotalSeconds}", o => o.CommandTimeout((int)DriverRetries.TotalSeconds))
            .AddInterceptors(NoBusyWait.Instance);
        if (gated)
        {
            options.AddInterceptors(SqliteWriteGate.Instance);
        }

        return new DbContext(options.Options);
    }

    /// <summary>SQLite answers busy at once on a locked file; only the driver's short retries remain.</summary>
    private sealed class NoBusyWait : DbConnectionInterceptor
    {
        public static readonly NoBusyWait Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Run(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Run(connection);
            return Task.CompletedTask;
        }

        private static void Run(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout=0";
            command.ExecuteNonQuery();
        }
    }
}
