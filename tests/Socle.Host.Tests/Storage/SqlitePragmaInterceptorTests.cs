using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Socle.BuildingBlocks.Storage;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests.Storage;

/// <summary>
/// The connection settings are run once per native connection; a pooled connection handed out again must still have
/// them, and a new native connection (after the pool is cleared) must get them too.
/// </summary>
public sealed class SqlitePragmaInterceptorTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"socle-pragmas-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Every_opened_connection_has_the_settings_whether_pooled_or_new()
    {
        object firstHandle;
        await using (var first = Open())
        {
            await first.Database.OpenConnectionAsync();
            firstHandle = ((SqliteConnection)first.Database.GetDbConnection()).Handle!;
            await AssertSettingsAsync(first);
        }

        await using (var pooled = Open())
        {
            await pooled.Database.OpenConnectionAsync();
            Assert.Same(firstHandle, ((SqliteConnection)pooled.Database.GetDbConnection()).Handle);
            await AssertSettingsAsync(pooled);
        }

        SqliteConnection.ClearAllPools();
        await using var fresh = Open();
        await fresh.Database.OpenConnectionAsync();
        Assert.NotSame(firstHandle, ((SqliteConnection)fresh.Database.GetDbConnection()).Handle);
        await AssertSettingsAsync(fresh);
    }

    public void Dispose() => SqliteFiles.Delete(file);

    private static async Task AssertSettingsAsync(DbContext db)
    {
        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
        Assert.Equal("1", await PragmaAsync(db, "synchronous"));
        Assert.Equal("30000", await PragmaAsync(db, "busy_timeout"));
        Assert.Equal("1", await PragmaAsync(db, "foreign_keys"));
    }

    private static async Task<string> PragmaAsync(DbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private DbContext Open() => new(new DbContextOptionsBuilder<DbContext>()
        .UseSqlite($"Data Source={file};Pooling=true")
        .AddInterceptors(SqlitePragmaInterceptor.Instance)
        .Options);
}
