using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Socle.BuildingBlocks.Fhir.Model;
using Socle.Directory.Contracts;
using Socle.Directory.Storage;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests;

/// <summary>Imports of extract files: rejections, refusal, atomic snapshots, next-day differences with history.</summary>
public abstract class DirectoryImportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SocleApiFactory
{
    [Fact]
    public async Task BadLines_AreRejectedWithFileLineAndReason_AndTheGoodLinesAreImported()
    {
        using var extracts = await DirectoryExtracts.GenerateAsync(factory, 1_000);
        var file = extracts.PersonActivity;
        var lines = DirectoryExtracts.DataLines(file);
        var good = lines[0].Split('|');
        string With(int column, string value)
        {
            var copy = (string[])good.Clone();
            copy[column] = value;
            return string.Join('|', copy);
        }

        var first = lines.Length + 2; // header is line 1
        DirectoryExtracts.AppendLines(file,
            "8|10000000009|810000000009|too few columns",
            With(21, "540002699"),
            With(9, "99"),
            lines[0],
            With(24, "\"CLINIQUE DU PARC|"));
        DirectoryExtracts.AppendBytes(file, [.. Encoding.UTF8.GetBytes(string.Join('|', good[..7])), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("|" + string.Join('|', good[8..]) + "\n")]);

        var report = await DirectoryExtracts.ImportAsync(factory, [.. extracts.Files]);

        Assert.True(report.Published, report.RefusalReason);
        Assert.Equal(6, report.RejectedTotal);
        var name = Path.GetFileName(file);
        Assert.All(report.Rejected, r => Assert.Equal(name, r.File));
        Assert.Equal(Enumerable.Range(first, 6).Select(n => (long)n), report.Rejected.Select(r => r.Line));
        Assert.Contains("expected 56 columns, found 4", report.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("wrong check digit", report.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Contains("unknown profession code '99'", report.Rejected[2].Reason, StringComparison.Ordinal);
        Assert.Equal("duplicate of line 2", report.Rejected[3].Reason);
        Assert.Contains("broken quote", report.Rejected[4].Reason, StringComparison.Ordinal);
        Assert.Contains("invalid UTF-8", report.Rejected[5].Reason, StringComparison.Ordinal);
        Assert.Equal(1_000, report.Changes.Single(c => c.Entity == "persons").Added + report.Changes.Single(c => c.Entity == "persons").Unchanged);
        Assert.Equal(1_000, await PractitionerTotalAsync());
    }

    [Fact]
    public async Task AboveTheRejectionRatio_TheImportIsRefused_AndThePreviousSnapshotStays()
    {
        using var extracts = await DirectoryExtracts.GenerateAsync(factory, 200);
        Assert.True((await DirectoryExtracts.ImportAsync(factory, [.. extracts.Files])).Published);
        var before = await PractitionerTotalAsync();

        var lines = DirectoryExtracts.DataLines(extracts.PersonActivity);
        var mostlyBad = Path.Combine(extracts.Folder, "next", Path.GetFileName(extracts.PersonActivity));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(mostlyBad)!);
        File.WriteAllLines(mostlyBad, [File.ReadLines(extracts.PersonActivity).First(), .. lines[..20], .. lines[20..40].Select(l => l.Replace("|10|Médecin|", "|77|Inconnu|", StringComparison.Ordinal) + "|x")]);

        var report = await DirectoryExtracts.ImportAsync(factory, mostlyBad);

        Assert.False(report.Published);
        Assert.Contains("above the limit of 1.00", report.RefusalReason, StringComparison.Ordinal);
        Assert.Equal(20, report.RejectedTotal);
        Assert.Equal(before, await PractitionerTotalAsync());
    }

    [Fact]
    public async Task ARefusalAfterAnEarlierFileWasMerged_LeavesThePreviousSnapshot()
    {
        using var extracts = await DirectoryExtracts.GenerateAsync(factory, 300);
        Assert.True((await DirectoryExtracts.ImportAsync(factory, [.. extracts.Files])).Published);
        var before = await PractitionerTotalAsync();

        // Personne_activite, the largest file, is read first and merged while the mailboxes are read: those are refused.
        var activity = File.ReadAllLines(extracts.PersonActivity);
        File.WriteAllLines(extracts.PersonActivity, activity[..^150]);
        var mailboxes = File.ReadAllLines(extracts.Mailboxes);
        File.WriteAllLines(extracts.Mailboxes, [mailboxes[0], .. mailboxes[1..].Select(l => "BAD" + l[l.IndexOf('|', StringComparison.Ordinal)..])]);

        var report = await DirectoryExtracts.ImportAsync(factory, [.. extracts.Files]);

        Assert.False(report.Published);
        Assert.Contains("above the limit", report.RefusalReason, StringComparison.Ordinal);
        Assert.Equal(before, await PractitionerTotalAsync());
        File.WriteAllLines(extracts.Mailboxes, mailboxes);
        var next = await DirectoryExtracts.ImportAsync(factory, [.. extracts.Files]);
        Assert.True(next.Published, next.RefusalReason);
        Assert.True(next.Changes.Single(c => c.Entity == "persons").Removed > 0);
        Assert.True(await PractitionerTotalAsync() < before);
    }

    [Fact]
    public async Task AFileOfAnotherKind_IsRefused()
    {
        using var extracts = await DirectoryExtracts.GenerateAsync(factory, 50);
        var renamed = Path.Combine(extracts.Folder, "PS_LibreAcces_SavoirFaire_202601010000.txt.bak");
        File.Copy(extracts.Mailboxes, renamed);
        var csv = Path.Combine(extracts.Folder, "patients.csv");
        File.WriteAllText(csv, "nom;prenom\nDUPONT;Jean\n");

        var wrongHeader = await DirectoryExtracts.ImportAsync(factory, csv);
        var wrongName = await DirectoryExtracts.ImportAsync(factory, renamed);

        Assert.False(wrongHeader.Published);
        Assert.Contains("is not an Annuaire Santé extract", wrongHeader.RefusalReason, StringComparison.Ordinal);
        Assert.False(wrongName.Published);
        Assert.Contains("is named as PS_LibreAcces_SavoirFaire", wrongName.RefusalReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNextDay_OnlyDifferencesAreApplied_AndEachChangeKeepsItsHistory()
    {
        using var day0 = await DirectoryExtracts.GenerateAsync(factory, 2_000);
        using var day1 = await DirectoryExtracts.GenerateAsync(factory, 2_000, day: 1);
        await DirectoryExtracts.ImportAsync(factory, [.. day0.Files]);

        var again = await DirectoryExtracts.ImportAsync(factory, [.. day0.Files]);
        Assert.All(again.Changes, c => Assert.Equal((0, 0, 0), (c.Added, c.Changed, c.Removed)));

        var next = await DirectoryExtracts.ImportAsync(factory, [.. day1.Files]);
        var persons = next.Changes.Single(c => c.Entity == "persons");
        Assert.InRange(persons.Changed, 1, 40);
        Assert.InRange(persons.Removed, 1, 20);
        Assert.InRange(persons.Added, 1, 20);
        Assert.True(persons.Unchanged > 1_900);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var changed = await db.Persons.Where(p => p.ValidTo == null && p.ImportId == next.ImportId && db.Persons.Any(o => o.Key == p.Key && o.ValidTo == p.ValidFrom)).ToListAsync();
        Assert.Equal(persons.Changed, changed.Count);
        var sample = changed[0];
        var previous = await db.Persons.Where(p => p.Key == sample.Key && p.ValidTo != null).OrderByDescending(p => p.ValidTo).FirstAsync();
        Assert.Equal(sample.ValidFrom, previous.ValidTo);
        Assert.NotEqual(previous.FamilyName, sample.FamilyName);

        var removed = await SearchAsync("/fhir/Practitioner?active=false&_total=accurate&_count=1");
        Assert.True(removed.Total >= persons.Removed);
        Assert.False(Assert.IsType<Practitioner>(removed.Entry![0].Resource).Active);
    }

    [Fact]
    public async Task ReadersSeeTheOldSnapshotOrTheNewOne_NeverAMix()
    {
        using var small = await DirectoryExtracts.GenerateAsync(factory, 300);
        using var large = await DirectoryExtracts.GenerateAsync(factory, 3_000);
        await DirectoryExtracts.ImportAsync(factory, [.. small.Files]);
        var import = Task.Run(() => DirectoryExtracts.ImportAsync(factory, [.. large.Files]));
        var seen = new HashSet<int>();
        while (!import.IsCompleted)
        {
            seen.Add(await PractitionerTotalAsync());
        }

        Assert.True((await import).Published);
        seen.Add(await PractitionerTotalAsync());
        Assert.Subset(new HashSet<int> { 300, 3_000 }, seen);
    }

    [Fact]
    public async Task AZippedWindows1252Extract_IsDetectedAndReadWithItsAccents()
    {
        using var extracts = await DirectoryExtracts.GenerateAsync(factory, 400);
        var zip = Path.Combine(extracts.Folder, "PS_LibreAcces.zip");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            var entry = archive.CreateEntry(Path.GetFileName(extracts.PersonActivity));
            using var writer = new StreamWriter(entry.Open(), Encoding.GetEncoding(1252));
            writer.Write(File.ReadAllText(extracts.PersonActivity, Encoding.UTF8));
        }

        var report = await DirectoryExtracts.ImportAsync(factory, zip);

        Assert.True(report.Published, report.RefusalReason);
        Assert.Equal(0, report.RejectedTotal);
        var accented = File.ReadLines(extracts.PersonActivity).Skip(1).Select(l => l.Split('|')).First(f => f[8].Any(c => c > 127));
        var practitioner = Assert.IsType<Practitioner>(Assert.Single((await SearchAsync($"/fhir/Practitioner?_id={accented[2]}")).Entry!).Resource);
        Assert.Equal(accented[8], practitioner.Name![0].Given![0]);
    }

    [Fact]
    public async Task TheContractCache_FollowsANewSnapshot()
    {
        using var day0 = await DirectoryExtracts.GenerateAsync(factory, 2_000);
        using var day1 = await DirectoryExtracts.GenerateAsync(factory, 2_000, day: 1);
        var leaver = IdNats(day0.PersonActivity).Except(IdNats(day1.PersonActivity)).First();
        await DirectoryExtracts.ImportAsync(factory, [.. day0.Files]);
        await using var scope = factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IDirectory>();
        Assert.NotNull(await directory.FindProfessionalAsync(leaver, CancellationToken.None));

        await DirectoryExtracts.ImportAsync(factory, [.. day1.Files]);

        Assert.Null(await directory.FindProfessionalAsync(leaver, CancellationToken.None));
    }

    private static IEnumerable<string> IdNats(string file) => DirectoryExtracts.DataLines(file).Select(l => l.Split('|')[2]).Distinct();

    private async Task<int> PractitionerTotalAsync() => (await SearchAsync("/fhir/Practitioner?_total=accurate&_count=0")).Total!.Value;

    private SocleTestClient? client;

    private async Task<Bundle> SearchAsync(string url)
    {
        // One client per test: registering one while an import holds SQLite's write lock would wait for it.
        client ??= await SocleTestClient.CreateAsync(factory, DirectoryScopes.Read);
        return await client.ReadAsync<Bundle>(await client.Http.GetAsync(url));
    }
}
