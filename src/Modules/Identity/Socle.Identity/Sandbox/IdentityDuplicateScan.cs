using Microsoft.EntityFrameworkCore;
using Socle.Identity.Contracts;
using Socle.Identity.Domain;
using Socle.Identity.Domain.Matching;
using Socle.Identity.Storage;

namespace Socle.Identity.Sandbox;

/// <summary>
/// A full duplicate scan with blocking: identities are streamed in phonetic-key order, then in birth-date order,
/// and compared only within a block, so the cost grows with the repository, not with its square.
/// </summary>
internal sealed class IdentityDuplicateScan(IdentityDbContext db) : IIdentityDuplicateScan
{
    private const int MaxBlock = 400;

    public async Task<DuplicateScanReport> ScanAsync(string organisation, IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        var active = db.LocalIdentities.AsNoTracking().Where(x => x.Organisation == organisation && x.MergedIntoId == null);
        var total = await active.LongCountAsync(cancellationToken);
        var found = new Dictionary<(Guid, Guid), DuplicatePair>();
        long compared = 0;
        long done = 0;

        void Advanced() => progress?.Report((++done / 2, total));
        compared += await ScanBlocksAsync(Rows(active.OrderBy(x => x.PhoneticKey).ThenBy(x => x.Id)), r => r.PhoneticKey, found, Advanced, cancellationToken);
        compared += await ScanBlocksAsync(Rows(active.OrderBy(x => x.BirthDate).ThenBy(x => x.Id)), r => r.BirthDate.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), found, Advanced, cancellationToken);
        progress?.Report((total, total));
        return new DuplicateScanReport(organisation, total, compared, found.Values.OrderByDescending(p => p.Score).ToList());
    }

    private static IAsyncEnumerable<Row> Rows(IQueryable<Domain.Local.LocalIdentity> ordered) =>
        ordered.Select(x => new { x.Id, x.PhoneticKey, x.BirthDate, x.FamilyKey, x.UsedFamilyKey, x.GivenKey, x.Gender, x.Birthplace })
            .AsAsyncEnumerable()
            .Select(x => new Row(x.Id, x.PhoneticKey, x.BirthDate, new MatchProbe(x.FamilyKey, x.UsedFamilyKey, x.GivenKey, x.BirthDate, x.Gender, x.Birthplace)));

    private static async Task<long> ScanBlocksAsync(
        IAsyncEnumerable<Row> ordered, Func<Row, string> key, Dictionary<(Guid, Guid), DuplicatePair> found, Action advanced, CancellationToken cancellationToken)
    {
        long compared = 0;
        var block = new List<Row>();
        string? current = null;
        await foreach (var row in ordered.WithCancellation(cancellationToken))
        {
            var k = key(row);
            if (k != current)
            {
                compared += Compare(block, found);
                block.Clear();
                current = k;
            }

            if (block.Count < MaxBlock)
            {
                block.Add(row);
            }

            advanced();
        }

        return compared + Compare(block, found);
    }

    private static long Compare(List<Row> block, Dictionary<(Guid, Guid), DuplicatePair> found)
    {
        long compared = 0;
        for (var i = 0; i < block.Count; i++)
        {
            for (var j = i + 1; j < block.Count; j++)
            {
                var (a, b) = block[i].Id.CompareTo(block[j].Id) < 0 ? (block[i], block[j]) : (block[j], block[i]);
                if (found.ContainsKey((a.Id, b.Id)))
                {
                    continue;
                }

                compared++;
                var match = DuplicateScorer.Score(a.Probe, b.Probe);
                if (match.Score >= DuplicateScorer.CandidateThreshold)
                {
                    found[(a.Id, b.Id)] = new DuplicatePair(a.Id, b.Id, match.Score, match.Grade, match.AgreedTraits);
                }
            }
        }

        return compared;
    }

    private sealed record Row(Guid Id, string PhoneticKey, DateOnly BirthDate, MatchProbe Probe);
}
