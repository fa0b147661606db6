using Microsoft.Data.Sqlite;
using Socle.Directory.Import;
using Socle.Directory.Storage;

namespace Socle.Directory.Tests;

/// <summary>One map per table tells duplicates, repeats, and what a file adds, changes, keeps and removes.</summary>
public sealed class TableKeysTests
{
    [Fact]
    public void OnAFirstLoad_EveryKeyIsAdded_AndASecondLineWithTheSameKeyNamesTheFirst()
    {
        var keys = new TableKeys(DirectoryTable.Persons);

        Assert.True(keys.IsFirstLoad);
        Assert.Equal(0, keys.FirstLineOf(Hash("810000000001"), 2));
        Assert.Equal(0, keys.FirstLineOf(Hash("810000000002"), 3));
        Assert.Equal(2, keys.FirstLineOf(Hash("810000000001"), 7));
        Assert.True(keys.NeedsWriting(Record("810000000001", "DUPONT")));
        Assert.True(keys.NeedsWriting(Record("810000000002", "MARTIN")));

        keys.Finish();
        Assert.Equal((2, 0, 0, 0), (keys.Added, keys.Changed, keys.Unchanged, keys.Removed));
        Assert.Empty(keys.ToClose);
    }

    [Fact]
    public async Task AgainstTheCurrentVersions_AFileKeepsChangesAddsAndRemoves_AndOnlyTheDifferencesAreWritten()
    {
        await using var connection = await OpenAsync(
            (10, "810000000001", "DUPONT", null),
            (11, "810000000002", "MARTIN", null),
            (12, "810000000003", "BERNARD", null),
            (5, "810000000004", "PETIT", 1_700_000_000_000L));
        var keys = new TableKeys(DirectoryTable.Persons);
        await keys.LoadCurrentAsync(connection, null, CancellationToken.None);

        Assert.False(keys.IsFirstLoad);
        Assert.Equal(0, keys.FirstLineOf(Hash("810000000001"), 2));
        Assert.False(keys.NeedsWriting(Record("810000000001", "DUPONT")));
        Assert.Equal(0, keys.FirstLineOf(Hash("810000000002"), 3));
        Assert.True(keys.NeedsWriting(Record("810000000002", "MARTIN-DURAND")));

        // A closed version is history: its key comes back as new.
        Assert.Equal(0, keys.FirstLineOf(Hash("810000000004"), 4));
        Assert.True(keys.NeedsWriting(Record("810000000004", "PETIT")));

        // A key with a current version, given a second time, is a repeat too.
        Assert.Equal(2, keys.FirstLineOf(Hash("810000000001"), 9));

        keys.Finish();
        Assert.Equal((1, 1, 1, 1), (keys.Added, keys.Changed, keys.Unchanged, keys.Removed));
        Assert.Equal([11L, 12L], keys.ToClose.Order());
    }

    private static long Hash(string key) => ContentHash.OfKey(key);

    private static StagedRecord Record(string idNat, string familyName) =>
        StagedRecord.Create(DirectoryTable.Persons, idNat, Hash(idNat), ["8", idNat[1..], null, null, null, null, familyName, "JEAN", null, null]);

    private static async Task<SqliteConnection> OpenAsync(params (long Id, string IdNat, string FamilyName, long? ValidTo)[] rows)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE directory_persons (\"Id\" INTEGER PRIMARY KEY, \"Key\" TEXT NOT NULL, \"Hash\" INTEGER NOT NULL, \"ValidTo\" INTEGER)";
        await command.ExecuteNonQueryAsync();
        command.CommandText = "INSERT INTO directory_persons VALUES ($id, $key, $hash, $validTo)";
        foreach (var (id, idNat, familyName, validTo) in rows)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$key", idNat);
            command.Parameters.AddWithValue("$hash", Record(idNat, familyName).Hash);
            command.Parameters.AddWithValue("$validTo", (object?)validTo ?? DBNull.Value);
            await command.ExecuteNonQueryAsync();
        }

        return connection;
    }
}
