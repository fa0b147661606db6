using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Socle.Directory.Contracts;
using Socle.Directory.Storage;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests;

/// <summary>
/// Lines the previous import had byte for byte are not mapped again, through the state each import leaves for the
/// next (decision 0021); what the import publishes is the same as if it had mapped them.
/// </summary>
public abstract class DirectoryKnownLinesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SocleApiFactory
{
    [Fact]
    public async Task TheSameFilesAgain_AreAllKnown_AndSoAreTheNextDaysLinesOnceImported()
    {
        using var day0 = await DirectoryExtracts.GenerateAsync(factory, 600);
        using var day1 = await DirectoryExtracts.GenerateAsync(factory, 600, day: 1);
        await DirectoryExtracts.ImportAsync(factory, [.. day0.Files]);

        var again = await DirectoryExtracts.ImportAsync(factory, [.. day0.Files]);
        var next = await DirectoryExtracts.ImportAsync(factory, [.. day1.Files]);
        var nextAgain = await DirectoryExtracts.ImportAsync(factory, [.. day1.Files]);

        Assert.Equal(again.RowsRead, again.UnchangedLines);
        AssertNothingChanged(again);
        Assert.InRange(next.UnchangedLines, next.RowsRead * 9 / 10, next.RowsRead - 1);
        Assert.Contains(next.Changes, c => c.Changed > 0);

        // The lines that changed overnight, and the records they kept, are known the next time.
        Assert.Equal(nextAgain.RowsRead, nextAgain.UnchangedLines);
        AssertNothingChanged(nextAgain);
    }

    [Fact]
    public async Task AKnownLineThatNowGivesAPersonFirst_IsMappedAgain_WhenThePersonCameFromAnotherLine()
    {
        using var extracts = await DirectoryExtracts.GenerateAsync(factory, 300);
        var file = extracts.PersonActivity;
        var header = File.ReadLines(file).First();
        var lines = DirectoryExtracts.DataLines(file);
        var fields = lines.Select(l => l.Split('|')).ToArray();

        // The first of a person's two lines, which is not the first to give its structure.
        var first = Enumerable.Range(0, lines.Length).First(i =>
            !fields.Take(i).Any(f => f[2] == fields[i][2]) && fields.Skip(i + 1).Any(f => f[2] == fields[i][2])
            && (fields[i][23].Length == 0 || fields.Take(i).Any(f => f[23] == fields[i][23])));
        var second = Enumerable.Range(first + 1, lines.Length - first - 1).First(i => fields[i][2] == fields[first][2]);
        var idNat = fields[first][2];

        // The extract contradicts itself on purpose: the person's second line names them otherwise. The first line wins.
        fields[second][7] = "AUTRENOM";
        lines[second] = string.Join('|', fields[second]);
        File.WriteAllLines(file, [header, .. lines]);
        await DirectoryExtracts.ImportAsync(factory, [.. extracts.Files]);
        Assert.Equal(fields[first][7], await FamilyNameAsync(idNat));

        File.WriteAllLines(file, [header, .. lines.Where((_, i) => i != first)]);
        var report = await DirectoryExtracts.ImportAsync(factory, [.. extracts.Files]);

        // The second line is known, but the person it now gives first came from the line that left: it is mapped.
        Assert.Equal("AUTRENOM", await FamilyNameAsync(idNat));
        Assert.Equal((0L, 1L, 0L), Counts(report, "persons"));
        Assert.Equal((0L, 0L, 1L), Counts(report, "activities"));
        Assert.Equal(report.RowsRead - 1, report.UnchangedLines);
    }

    [Fact]
    public async Task ALineThatComesBack_AfterItsRecordChanged_ChangesTheRecordBack()
    {
        using var extracts = await DirectoryExtracts.GenerateAsync(factory, 200);
        var file = extracts.Mailboxes;
        var original = File.ReadAllLines(file);
        var fields = original[1].Split('|');
        var (address, service) = (fields[1], fields[7].Length == 0 ? null : fields[7]);
        await DirectoryExtracts.ImportAsync(factory, [.. extracts.Files]);

        fields[7] = "SERVICE DE TEST";
        File.WriteAllLines(file, [original[0], string.Join('|', fields), .. original[2..]]);
        var changed = await DirectoryExtracts.ImportAsync(factory, [.. extracts.Files]);
        File.WriteAllLines(file, original);
        var back = await DirectoryExtracts.ImportAsync(factory, [.. extracts.Files]);

        // The state still names the original line, for the version the change replaced: the line is mapped again.
        Assert.Equal((0L, 1L, 0L), Counts(changed, "mailboxes"));
        Assert.Equal((0L, 1L, 0L), Counts(back, "mailboxes"));
        Assert.Equal(back.RowsRead - 1, back.UnchangedLines);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var versions = await db.Mailboxes.Where(m => m.Address == address).OrderBy(m => m.Id).Select(m => new { m.ValidTo, m.Service }).ToListAsync();
        // Other tests of the class may have imported the same address before.
        Assert.Equal([service, "SERVICE DE TEST", service], versions.TakeLast(3).Select(v => v.Service));
        Assert.Null(versions[^1].ValidTo);
    }

    [Fact]
    public async Task AKnownLineRepeated_IsRejectedAsADuplicate()
    {
        using var extracts = await DirectoryExtracts.GenerateAsync(factory, 200);
        await DirectoryExtracts.ImportAsync(factory, [.. extracts.Files]);
        DirectoryExtracts.AppendLines(extracts.PersonActivity, DirectoryExtracts.DataLines(extracts.PersonActivity)[0]);

        var report = await DirectoryExtracts.ImportAsync(factory, [.. extracts.Files]);

        Assert.True(report.Published, report.RefusalReason);
        Assert.Equal("duplicate of line 2", Assert.Single(report.Rejected).Reason);
        Assert.Equal(report.RowsRead - 1, report.UnchangedLines);
        AssertNothingChanged(report);
    }

    [Fact]
    public async Task WithoutAValidState_TheImportReadsTheTables_AndPublishesTheSame()
    {
        using var day0 = await DirectoryExtracts.GenerateAsync(factory, 500);
        using var day1 = await DirectoryExtracts.GenerateAsync(factory, 500, day: 1);
        await DirectoryExtracts.ImportAsync(factory, [.. day0.Files]);
        var withState = await DirectoryExtracts.ImportAsync(factory, [.. day1.Files]);
        await DirectoryExtracts.ImportAsync(factory, [.. day0.Files]);

        // A state some other import came after (as if a Socle without it had imported since) is not used.
        await StateSqlAsync("UPDATE {0} SET \"ImportId\" = \"ImportId\" - 1");
        var stale = await DirectoryExtracts.ImportAsync(factory, [.. day1.Files]);

        Assert.True(withState.UnchangedLines > 0);
        Assert.Equal(0, stale.UnchangedLines);
        Assert.Equal(withState.Changes, stale.Changes);

        // A lost state (an unlogged table after a crash) is rebuilt by the next import, and used by the one after.
        await StateSqlAsync("DELETE FROM {0}");
        var lost = await DirectoryExtracts.ImportAsync(factory, [.. day1.Files]);
        var rebuilt = await DirectoryExtracts.ImportAsync(factory, [.. day1.Files]);

        Assert.Equal(0, lost.UnchangedLines);
        AssertNothingChanged(lost);
        Assert.Equal(rebuilt.RowsRead, rebuilt.UnchangedLines);
    }

    private static void AssertNothingChanged(ImportReport report) =>
        Assert.All(report.Changes, c => Assert.Equal((c.Entity, 0L, 0L, 0L), (c.Entity, c.Added, c.Changed, c.Removed)));

    private static (long Added, long Changed, long Removed) Counts(ImportReport report, string entity)
    {
        var changes = report.Changes.Single(c => c.Entity == entity);
        return (changes.Added, changes.Changed, changes.Removed);
    }

    private async Task<string?> FamilyNameAsync(string idNat)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        return await db.Persons.Where(p => p.Key == idNat && p.ValidTo == null).Select(p => p.FamilyName).SingleAsync();
    }

    private async Task StateSqlAsync(string sql)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        await db.Database.ExecuteSqlRawAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, DirectorySql.Table(db.IsPostgres, DirectorySql.StateTable)));
    }
}

public sealed class DirectoryKnownLinesTestsOnSqlite(SqliteApiFactory factory) : DirectoryKnownLinesTests<SqliteApiFactory>(factory);

public sealed class DirectoryKnownLinesTestsOnPostgres(PostgresApiFactory factory) : DirectoryKnownLinesTests<PostgresApiFactory>(factory);
