using Microsoft.EntityFrameworkCore;
using Socle.Identity.Contracts;
using Socle.Identity.Domain;
using Socle.Identity.Domain.Matching;
using Socle.Identity.Storage;

namespace Socle.Identity.Sandbox;

/// <summary>
/// A full duplicate scan by sorted neighbourhood: identities are streamed sorted by phonetic family key, given
/// names and birth date, then by birth date; each is compared with the previous identities of the same key within
/// a window, so the cost grows with the repository, not with its square, and no block is cut short.
/// </summary>
internal sealed class IdentityDuplicateScan(IdentityDbContext db) : IIdentityDuplicateScan
{
    private const int Window = 50;

    public async Task<DuplicateScanReport> ScanAsync(string organisation, IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        var active = db.LocalIdentities.AsNoTracking().Where(x => x.Organisation == organisation && x.MergedIntoId == null);
        var total = await active.LongCountAsync(cancellationToken);
        var found = new Dictionary<(Guid, Guid), DuplicatePair>();
        long compared = 0;
        long done = 0;

        void Advanced() => progress?.Report((++done / 2, total));
        compared += await ScanBlocksAsync(Rows(active.OrderBy(x => x.PhoneticKey).ThenBy(x => x.GivenKey).ThenBy(x => x.BirthDate).ThenBy(x => x.Id)), r => r.PhoneticKey, found, Advanced, cancellationToken);
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
        var window = new Queue<Row>(Window);
        string? current = null;
        await foreach (var row in ordered.WithCancellation(cancellationToken))
        {
            var k = key(row);
            if (k != current)
            {
                window.Clear();
                current = k;
            }

            foreach (var previous in window)
            {
                compared += Compare(previous, row, found);
            }

            if (window.Count == Window)
            {
                window.Dequeue();
            }

            window.Enqueue(row);
            advanced();
        }

        return compared;
    }

    private static int Compare(Row x, Row y, Dictionary<(Guid, Guid), DuplicatePair> found)
    {
        var (a, b) = x.Id.CompareTo(y.Id) < 0 ? (x, y) : (y, x);
        if (found.ContainsKey((a.Id, b.Id)))
        {
            return 0;
        }

        var match = DuplicateScorer.Score(a.Probe, b.Probe);
        if (match.Score >= DuplicateScorer.CandidateThreshold)
        {
            found[(a.Id, b.Id)] = new DuplicatePair(a.Id, b.Id, match.Score, match.Grade, match.AgreedTraits);
        }

        return 1;
    }

    private sealed record Row(Guid Id, string PhoneticKey, DateOnly BirthDate, MatchProbe Probe);
}
