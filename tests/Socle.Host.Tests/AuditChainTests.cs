using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Socle.Audit.Contracts;
using Socle.Audit.Storage;
using Socle.BuildingBlocks.Storage;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests;

/// <summary>Every access to personal data is traced, and tampering with the trace is detected.</summary>
public abstract class AuditChainTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SocleApiFactory
{
    [Fact]
    public async Task Accesses_AreTraced_AndChangingOrDeletingARowIsDetected()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        var id = await client.CreatePatientAsync("TRACE", "ANNA", "1999-09-09", "female");
        await client.ReadPatientAsync(id);
        await client.ReadPatientAsync(id);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var entries = await db.Entries.Where(e => e.PatientId == id).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["identity.create", "identity.read", "identity.read"], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal(client.ClientId, e.ClientId);
            Assert.Equal(client.Organisation, e.Organisation);
            Assert.Equal("TREAT", e.Purpose);
            Assert.Equal("Success", e.Outcome);
        });

        var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        Assert.True((await log.VerifyAsync(null, default)).Intact);

        var target = entries[1];
        var original = target.Action;
        target.Action = "identity.search";
        await db.SaveChangesAsync();
        var changed = await log.VerifyAsync(null, default);
        Assert.False(changed.Intact);
        Assert.Equal(target.Sequence, changed.FirstBrokenSequence);
        Assert.Contains("content was changed", changed.Reason, StringComparison.Ordinal);

        target.Action = original;
        await db.SaveChangesAsync();
        Assert.True((await log.VerifyAsync(null, default)).Intact);

        db.Entries.Remove(target);
        await db.SaveChangesAsync();
        var deleted = await log.VerifyAsync(null, default);
        Assert.False(deleted.Intact);
        Assert.Equal(target.Sequence, deleted.FirstBrokenSequence);
        Assert.Contains("deleted", deleted.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_writers_appending_to_one_chain_in_turns_and_at_once_keep_it_intact()
    {
        // A second writer stands for another host: its remembered head goes stale, its insert fails on the key, and it
        // re-reads the head and chains again. On SQLite it commits through its own connection, as another process would.
        var storage = factory.Services.GetRequiredService<IOptions<StorageOptions>>();
        await using var otherCommit = new SqliteGroupCommit(factory.Services.GetRequiredService<IConfiguration>(), storage);
        await using var other = new AuditWriter(
            factory.Services.GetRequiredService<IServiceScopeFactory>(), otherCommit, storage, Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditWriter>.Instance);
        var own = factory.Services.GetRequiredService<AuditWriter>();
        var marker = Guid.NewGuid().ToString("N");
        Task Append(AuditWriter writer, int i) => writer.AppendAsync(
            new Socle.Audit.Domain.AuditEntry
            {
                OccurredAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), ClientId = "test", Organisation = "540002698", Action = "test.append",
                ResourceType = "Test", ResourceId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Purpose = "TREAT", Outcome = "Success", Detail = marker,
            },
            CancellationToken.None);

        // In turns, so that each writer's head is stale every time; then all at once.
        for (var i = 0; i < 10; i++)
        {
            await Append(i % 2 == 0 ? own : other, i);
        }

        await Task.WhenAll(Enumerable.Range(10, 30).Select(i => Append(i % 2 == 0 ? own : other, i)));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        Assert.Equal(40, await db.Entries.CountAsync(e => e.Detail == marker));
        Assert.True((await scope.ServiceProvider.GetRequiredService<IAuditLog>().VerifyAsync(null, default)).Intact);
    }
}
