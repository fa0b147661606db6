using System.Runtime.CompilerServices;
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
        using var keys = new TableKeys(DirectoryTable.Persons);

        Assert.True(keys.IsFirstLoad);
        Assert.Equal(0, keys.FirstLineOf(Hash("810000000001"), 2));
        Assert.Equal(0, keys.FirstLineOf(Hash("810000000002"), 3));
        Assert.Equal(2, keys.FirstLineOf(Hash("810000000001"), 7));
        Assert.Equal(1, keys.Accept(Record("810000000001", "DUPONT")));
        Assert.Equal(2, keys.Accept(Record("810000000002", "MARTIN")));

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
            (5, "810000000004", "PETIT", 1_700_000_000_000L),
            (13, "810000000005", "ROUX", null));
        using var keys = new TableKeys(DirectoryTable.Persons);
        Assert.Equal(13, await keys.ReadMaxIdAsync(connection, null, CancellationToken.None));
        await keys.LoadCurrentAsync(connection, null, CancellationToken.None);

        Assert.False(keys.IsFirstLoad);
        Assert.Equal(0, keys.FirstLineOf(Hash("810000000001"), 2));
        Assert.Equal(0, keys.Accept(Record("810000000001", "DUPONT") with { Line = 100 }));
        Assert.Equal(0, keys.FirstLineOf(Hash("810000000002"), 3));
        Assert.Equal(14, keys.Accept(Record("810000000002", "MARTIN-DURAND") with { Line = 101 }));

        // A closed version is history: its key comes back as new.
        Assert.Equal(0, keys.FirstLineOf(Hash("810000000004"), 4));
        Assert.Equal(15, keys.Accept(Record("810000000004", "PETIT") with { Line = 102 }));
        Assert.Equal(0, keys.FirstLineOf(Hash("810000000005"), 5));
        Assert.Equal(0, keys.Accept(Record("810000000005", "ROUX") with { Line = 103 }));

        // A key with a current version, given a second time, is a repeat too.
        Assert.Equal(2, keys.FirstLineOf(Hash("810000000001"), 9));

        keys.Finish();
        Assert.Equal((1, 1, 2, 1), (keys.Added, keys.Changed, keys.Unchanged, keys.Removed));
        Assert.Equal([11L, 12L], keys.ToClose.Order());

        // What the next import starts from: the kept versions, now from this file's lines, and the new ones.
        Assert.Equal(
            [(10L, 100L), (13L, 103L), (14L, 101L), (15L, 102L)],
            keys.CurrentAfterFile().Select(e => (e.Id, e.Line)).Order());
        Assert.Equal(15, keys.MaxId);
    }

    [Fact]
    public async Task FromTheTables_ALineTableKnowsTheKeysOfItsLinesOtherRecords_ButNotTheLines()
    {
        await using var connection = await OpenAsync((10, "810000000001", "DUPONT", null), (11, "810000000002", "MARTIN", null));
        using var keys = new TableKeys(DirectoryTable.Persons, lineParentFields: ["FamilyName"]);
        await keys.LoadCurrentAsync(connection, null, CancellationToken.None);
        Assert.Equal(0, keys.FirstLineOf(Hash("810000000001"), 2));
        Assert.Equal(0, keys.FirstLineOf(Hash("810000000002"), 3));

        Assert.Equal(0, keys.Known.Count);
        Assert.Equal([(Hash("810000000001"), Hash("DUPONT")), (Hash("810000000002"), Hash("MARTIN"))], keys.CurrentAfterFile().Select(e => (e.KeyHash, e.Parent0)).Order());
    }

    [Fact]
    public void FromTheState_AppendedChangesApplyInOrder_AndALineTableKnowsTheLinesOfItsVersions()
    {
        using var lineTable = new TableKeys(DirectoryTable.Persons, lineParentFields: ["FamilyName"]);
        using var other = new TableKeys(DirectoryTable.Persons);
        foreach (var keys in new[] { lineTable, other })
        {
            keys.BeginState(5);
            AddChunk(keys,
                new ImportState.Entry(Hash("810000000001"), 10, 1, 100, Hash("DUPONT"), 0),
                new ImportState.Entry(Hash("810000000002"), 11, 2, 0, Hash("MARTIN"), 0),
                new ImportState.Entry(Hash("810000000003"), 12, 3, 102, Hash("BERNARD"), 0));

            // Appended by later imports: the first version now comes from another line, the third is gone.
            AddChunk(keys,
                new ImportState.Entry(Hash("810000000001"), 10, 1, 200, Hash("DUPONT"), 0),
                new ImportState.Entry(Hash("810000000003"), 0, 0, 0, 0, 0));
            keys.EndState(new ImportState.Loaded(5 * 48, 2));
        }

        // A version whose line is not known (it was read from the tables) gives no known line. The lines of replaced and
        // removed versions stay known, but the current version of their key names another line, or there is none.
        Assert.Equal(3, lineTable.Known.Count);
        Assert.True(lineTable.Known.TryGet(200, out var keyHash));
        Assert.Equal(Hash("810000000001"), keyHash);
        Assert.Equal(200, lineTable.Find(keyHash).Line);
        Assert.True(lineTable.Known.TryGet(100, out keyHash));
        Assert.Equal(200, lineTable.Find(keyHash).Line);
        Assert.True(lineTable.Known.TryGet(102, out keyHash));
        Assert.True(Unsafe.IsNullRef(ref lineTable.Find(keyHash)));
        Assert.Equal(0, other.Known.Count);
        Assert.False(lineTable.IsFirstLoad);
        Assert.Equal(0, other.FirstLineOf(Hash("810000000001"), 2));
        Assert.Equal(0, other.FirstLineOf(Hash("810000000002"), 3));
        Assert.Equal(0, other.FirstLineOf(Hash("810000000003"), 4));
        Assert.Equal([10L, 11L], other.CurrentAfterFile().Select(e => e.Id).Order());

        lineTable.Dispose();
        Assert.Equal(0, lineTable.Known.Count);
    }

    [Fact]
    public void FromTheStateInChunks_BothHalvesOfTheMapsAreFilled_WithTheEntriesInTheirOrder()
    {
        var random = new Random(21);
        var entries = Enumerable.Range(1, 20_000)
            .Select(i => new ImportState.Entry(random.NextInt64(), i, random.NextInt64(), random.NextInt64(), random.NextInt64(), 0)).ToList();

        // Later imports: every tenth version replaced (same key, another line), every seventh removed.
        var appended = entries.Where((_, i) => i % 10 == 0).Select(e => e with { Id = e.Id + 100_000, Line = e.Line + 1 })
            .Concat(entries.Where((_, i) => i % 7 == 0).Select(e => new ImportState.Entry(e.KeyHash, 0, 0, 0, 0, 0))).ToList();
        using var keys = new TableKeys(DirectoryTable.Persons, lineParentFields: ["FamilyName"]);
        keys.BeginState(entries.Count + appended.Count);
        var expected = new Dictionary<long, ImportState.Entry>();
        foreach (var chunk in new[] { entries, appended })
        {
            foreach (var entry in chunk)
            {
                if (entry.Id == 0)
                {
                    expected.Remove(entry.KeyHash);
                }
                else
                {
                    expected[entry.KeyHash] = entry;
                }
            }

            AddChunk(keys, [.. chunk]);
        }

        keys.EndState(default);

        Assert.All(entries, entry =>
        {
            ref var version = ref keys.Find(entry.KeyHash);
            if (expected.TryGetValue(entry.KeyHash, out var current))
            {
                Assert.Equal((current.Id, current.Hash, current.Line, current.Parent0), (version.Id, version.Hash, version.Line, version.Parent0));
            }
            else
            {
                Assert.True(Unsafe.IsNullRef(ref version));
            }
        });
        Assert.Equal(entries.Count + appended.Count(e => e.Id != 0), keys.Known.Count);
        Assert.All(appended.Where(e => e.Id != 0), e => Assert.True(keys.Known.TryGet(e.Line, out var key) && key == e.KeyHash));

        // A file that gives none of them removes every current version.
        keys.Finish();
        Assert.Equal(expected.Count, keys.Removed);
    }

    private static long Hash(string key) => ContentHash.OfKey(key);

    /// <summary>Applies entries as one chunk of the state, written as the import writes them (with room to spare after them).</summary>
    private static void AddChunk(TableKeys keys, params ImportState.Entry[] entries)
    {
        var size = ImportState.EntrySize(keys);
        var bytes = new byte[(entries.Length * size) + 64];
        for (var i = 0; i < entries.Length; i++)
        {
            ImportState.Write(bytes.AsSpan(i * size, size), entries[i]);
        }

        keys.AddState(bytes, entries.Length * size, size);
    }

    private static StagedRecord Record(string idNat, string familyName) =>
        StagedRecord.Create(DirectoryTable.Persons, idNat, Hash(idNat), ["8", idNat[1..], null, null, null, null, familyName, "JEAN", null, null]);

    private static async Task<SqliteConnection> OpenAsync(params (long Id, string IdNat, string FamilyName, long? ValidTo)[] rows)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE directory_persons (\"Id\" INTEGER PRIMARY KEY, \"Key\" TEXT NOT NULL, \"Hash\" INTEGER NOT NULL, \"ValidTo\" INTEGER, \"FamilyName\" TEXT)";
        await command.ExecuteNonQueryAsync();
        command.CommandText = "INSERT INTO directory_persons VALUES ($id, $key, $hash, $validTo, $family)";
        foreach (var (id, idNat, familyName, validTo) in rows)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$key", idNat);
            command.Parameters.AddWithValue("$hash", Record(idNat, familyName).Hash);
            command.Parameters.AddWithValue("$validTo", (object?)validTo ?? DBNull.Value);
            command.Parameters.AddWithValue("$family", familyName);
            await command.ExecuteNonQueryAsync();
        }

        return connection;
    }
}
