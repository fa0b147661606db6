using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Socle.Directory.Contracts;
using Socle.Directory.Storage;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests;

/// <summary>
/// A first load into an empty directory writes straight into its tables, without their indexes, and builds them at
/// the end (decision 0018); all of it inside the import's transaction.
/// </summary>
public abstract class DirectoryFirstLoadTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SocleApiFactory
{
    [Fact]
    public async Task ARefusedFirstLoad_LeavesTheTablesEmptyWithTheirIndexes_AndTheNextOnePublishesEveryRecord()
    {
        var indexes = await IndexNamesAsync();
        Assert.NotEmpty(indexes);
        Assert.Equal(0, await RowsAsync());
        using var extracts = await DirectoryExtracts.GenerateAsync(factory, 500);
        var lines = DirectoryExtracts.DataLines(extracts.PersonActivity);
        var original = File.ReadAllBytes(extracts.PersonActivity);
        DirectoryExtracts.AppendLines(extracts.PersonActivity, [.. lines[..20].Select(l => l.Replace("|10|Médecin|", "|77|Inconnu|", StringComparison.Ordinal))]);

        var refused = await DirectoryExtracts.ImportAsync(factory, [.. extracts.Files]);

        Assert.False(refused.Published);
        Assert.Contains("above the limit", refused.RefusalReason, StringComparison.Ordinal);
        Assert.Equal(0, await RowsAsync());
        Assert.Equal(indexes, await IndexNamesAsync());

        File.WriteAllBytes(extracts.PersonActivity, original);
        var report = await DirectoryExtracts.ImportAsync(factory, [.. extracts.Files]);

        Assert.True(report.Published, report.RefusalReason);
        Assert.Equal(indexes, await IndexNamesAsync());
        var fields = lines.Select(l => l.Split('|')).ToList();
        var persons = fields.Select(f => f[2]).Distinct().Count();
        var structures = fields.Select(f => f[23]).Where(id => id.Length > 0).Distinct().Count();
        Assert.Equal((persons, 0L, 0L), Added(report, "persons"));
        Assert.Equal((structures, 0L, 0L), Added(report, "structures"));
        Assert.Equal((lines.Length, 0L, 0L), Added(report, "activities"));
        Assert.True(Added(report, "mailboxes").Added > 0);
        Assert.True(Added(report, "diplomas").Added > 0);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        Assert.Equal(persons, await db.Persons.CountAsync(p => p.ImportId == report.ImportId && p.ValidTo == null));
        Assert.Equal(structures, await db.Structures.CountAsync(p => p.ImportId == report.ImportId && p.ValidTo == null));

        // The records written after the line table (persons and structures, spilled on PostgreSQL) are joined to it.
        var withStructure = fields.First(f => f[23].Length > 0);
        var professional = await scope.ServiceProvider.GetRequiredService<IDirectory>().FindProfessionalAsync(withStructure[2], CancellationToken.None);
        Assert.NotNull(professional);
        Assert.Equal(withStructure[7], professional.FamilyName);
        Assert.Contains(professional.Activities, a => a.Structure?.TechnicalId == withStructure[23]);
    }

    private static (long Added, long Changed, long Removed) Added(ImportReport report, string entity)
    {
        var changes = report.Changes.Single(c => c.Entity == entity);
        return (changes.Added, changes.Changed, changes.Removed);
    }

    private async Task<int> RowsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        return await db.Persons.CountAsync() + await db.Activities.CountAsync() + await db.Structures.CountAsync() + await db.Mailboxes.CountAsync();
    }

    private async Task<List<string>> IndexNamesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var sql = db.IsPostgres
            ? $"SELECT indexname AS \"Value\" FROM pg_indexes WHERE schemaname = '{DirectoryDbContext.ModuleName}' AND indexname LIKE 'ix_%'"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name LIKE 'directory_%' AND name LIKE 'ix_%'";
        return [.. (await db.Database.SqlQueryRaw<string>(sql).ToListAsync()).Order(StringComparer.Ordinal)];
    }
}

/// <summary>A host whose sandbox directory is not seeded: its directory tables start empty.</summary>
public sealed class EmptyDirectorySqliteApiFactory : SqliteApiFactory
{
    protected override int DirectoryPersons => 0;
}

/// <summary>A host whose sandbox directory is not seeded: its directory tables start empty.</summary>
public sealed class EmptyDirectoryPostgresApiFactory : PostgresApiFactory
{
    protected override int DirectoryPersons => 0;
}

public sealed class DirectoryFirstLoadTestsOnSqlite(EmptyDirectorySqliteApiFactory factory) : DirectoryFirstLoadTests<EmptyDirectorySqliteApiFactory>(factory);

public sealed class DirectoryFirstLoadTestsOnPostgres(EmptyDirectoryPostgresApiFactory factory) : DirectoryFirstLoadTests<EmptyDirectoryPostgresApiFactory>(factory);
