using Microsoft.EntityFrameworkCore;
using Socle.Audit.Contracts;
using Socle.Identity.Contracts;
using Socle.Identity.Features.Insi;
using Socle.Identity.Features.Shared;
using Socle.Identity.Storage;

namespace Socle.Identity.Sandbox;

/// <summary>Re-verifies the INSi-derived identities of an organisation; what no longer matches loses its INSi fact.</summary>
internal sealed class IdentityReverification(IdentityDbContext db, InsiTeleservice insi, LocalIdentityStore store, IAuditTrail audit) : IIdentityReverification
{
    private const int PageSize = 500;

    public async Task<ReverificationReport> ReverifyAsync(string organisation, IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        var scope = db.LocalIdentities.Where(x => x.Organisation == organisation && x.InsiRetrievedAtMs != null && x.MergedIntoId == null);
        var total = await scope.LongCountAsync(cancellationToken);
        var downgrades = new List<ReverificationDowngrade>();
        long done = 0;
        long confirmed = 0;
        var lastId = Guid.Empty;
        while (true)
        {
            var from = lastId;
            var page = await scope.Where(x => x.Id.CompareTo(from) > 0).OrderBy(x => x.Id).Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var identity in page)
            {
                var reference = await insi.FindAsync(identity.Ins!, identity.InsOid!, cancellationToken);
                var mismatches = reference is null ? ["ins"] : InsiTeleservice.Mismatches(reference, identity.Traits);
                if (mismatches.Count == 0)
                {
                    confirmed++;
                }
                else
                {
                    var before = identity.StatusCode;
                    identity.DropInsiFact();
                    var reason = reference is null ? "INS unknown to the reference" : "traits differ: " + string.Join(", ", mismatches);
                    store.Record(identity, $"reverify: {reason} ({before} to {identity.StatusCode})");
                    downgrades.Add(new ReverificationDowngrade(identity.Id, before, identity.StatusCode, reason));
                    await audit.RecordAsync("identity.reverify", identity, cancellationToken, identity.StatusCode);
                }

                done++;
            }

            await store.SaveAsync(cancellationToken);
            lastId = page[^1].Id;
            progress?.Report((done, total));
        }

        return new ReverificationReport(organisation, done, confirmed, downgrades);
    }
}
