using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Socle.Audit.Contracts;
using Socle.Audit.Storage;
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
}
