using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Socle.BuildingBlocks.Storage;

namespace Socle.Host.Tests.Storage;

/// <summary>
/// Units of several callers sharing one SQLite transaction. To put units in one batch for sure, a test holds the file's
/// write gate with an ordinary EF transaction while it submits them: they queue behind it and run together after it.
/// </summary>
public sealed class SqliteGroupCommitTests : IAsyncLifetime
{
    private const string Insert = "INSERT INTO notes (text) VALUES (@p0)";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "socle-group-" + Guid.NewGuid().ToString("N"));
    private SqliteGroupCommit groupCommit = null!;

    private string File => Path.Combine(directory, "group.db");

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(directory);
        await using (var db = Open())
        {
            await db.Database.ExecuteSqlRawAsync("""
                PRAGMA journal_mode=WAL;
                CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
                CREATE TABLE owners (id INTEGER PRIMARY KEY);
                CREATE TABLE pets (id INTEGER PRIMARY KEY, owner INTEGER NOT NULL REFERENCES owners (id) DEFERRABLE INITIALLY DEFERRED);
                """);
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Socle"] = $"Data Source={File};Pooling=False" })
            .Build();
        groupCommit = new SqliteGroupCommit(configuration, Options.Create(new StorageOptions()));
    }

    [Fact]
    public async Task Concurrent_units_all_commit_and_each_gets_its_own_result()
    {
        var writes = Enumerable.Range(0, 200).Select(i => Task.Run(() => groupCommit.WriteAsync(
            batch =>
            {
                batch.Execute(Insert, $"note {i}");
                using var reader = batch.Query("SELECT last_insert_rowid(), @p0", i);
                reader.Read();
                return (Id: reader.GetInt64(0), Echo: reader.GetInt32(1));
            },
            CancellationToken.None))).ToList();

        var results = await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(0, 200), results.Select(r => r.Echo));
        Assert.Equal(200, results.Select(r => r.Id).Distinct().Count());
        var stored = await TextsByIdAsync();
        Assert.All(results, r => Assert.Equal($"note {r.Echo}", stored[r.Id]));
    }

    [Fact]
    public async Task A_unit_that_throws_undoes_only_its_own_writes_and_gets_its_exception()
    {
        var (first, failing, last) = await InOneBatchAsync(
            () => groupCommit.WriteAsync(batch => batch.Execute(Insert, "first"), CancellationToken.None),
            () => groupCommit.WriteAsync<int>(
                batch =>
                {
                    batch.Execute(Insert, "undone");
                    throw new InvalidOperationException("the unit's own failure");
                },
                CancellationToken.None),
            () => groupCommit.WriteAsync(batch => batch.Execute(Insert, "last"), CancellationToken.None));

        Assert.Equal(1, await first);
        Assert.Equal("the unit's own failure", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        Assert.Equal(1, await last);
        Assert.Equal(["first", "last"], (await TextsByIdAsync()).Values);
    }

    [Fact]
    public async Task A_failed_commit_fails_every_unit_of_its_batch_and_the_next_batch_still_commits()
    {
        // The dangling owner is a deferred constraint: SQLite refuses it only at COMMIT, after both units ran.
        var (valid, dangling, _) = await InOneBatchAsync(
            () => groupCommit.WriteAsync(batch => batch.Execute(Insert, "lost with its batch"), CancellationToken.None),
            () => groupCommit.WriteAsync(batch => batch.Execute("INSERT INTO pets (owner) VALUES (@p0)", 42), CancellationToken.None),
            () => Task.FromResult(0));

        Assert.Equal(19, (await Assert.ThrowsAsync<SqliteException>(() => valid)).SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(19, (await Assert.ThrowsAsync<SqliteException>(() => dangling)).SqliteErrorCode);
        Assert.Empty(await TextsByIdAsync());

        await groupCommit.WriteAsync(batch => batch.Execute(Insert, "next batch"), CancellationToken.None);
        Assert.Equal(["next batch"], (await TextsByIdAsync()).Values);
    }

    [Fact]
    public async Task A_statement_reused_with_another_number_of_values_is_refused()
    {
        await groupCommit.WriteAsync(batch => batch.Execute(Insert, "one value"), CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => groupCommit.WriteAsync(batch => batch.Execute(Insert, "one", "two"), CancellationToken.None));
        Assert.Equal(["one value"], (await TextsByIdAsync()).Values);
    }

    [Fact]
    public async Task After_disposal_no_unit_is_accepted()
    {
        await groupCommit.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => groupCommit.WriteAsync(batch => batch.Execute(Insert, "late"), CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await groupCommit.DisposeAsync();
        System.IO.Directory.Delete(directory, recursive: true);
    }

    /// <summary>Submits the units while an EF transaction holds the write gate, so that they queue and run as one batch.</summary>
    private async Task<(Task<int>, Task<int>, Task<int>)> InOneBatchAsync(Func<Task<int>> first, Func<Task<int>> second, Func<Task<int>> third)
    {
        await using var holder = Open();
        await using var holding = await holder.Database.BeginTransactionAsync();

        // A unit on its own goes first and holds its batch at the gate; the three queue behind it and are drained together
        // once the gate opens (with the opener, if the committer's loop was too slow to take it alone).
        var opener = groupCommit.WriteAsync(_ => 0, CancellationToken.None);
        await Task.Delay(200);
        var units = (first(), second(), third());
        await Task.Delay(200);
        Assert.False(opener.IsCompleted);
        await holding.CommitAsync();
        await Task.WhenAll(Settled(opener), Settled(units.Item1), Settled(units.Item2), Settled(units.Item3));
        return units;
    }

    private static Task Settled(Task task) => task.ContinueWith(_ => { }, TaskScheduler.Default);

    private async Task<SortedDictionary<long, string>> TextsByIdAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, text FROM notes";
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new SortedDictionary<long, string>();
        while (await reader.ReadAsync())
        {
            texts[reader.GetInt64(0)] = reader.GetString(1);
        }

        return texts;
    }

    private DbContext Open() => new(new DbContextOptionsBuilder<DbContext>()
        .UseSqlite($"Data Source={File};Pooling=False")
        .AddInterceptors(SqliteWriteGate.Instance)
        .Options);
}
