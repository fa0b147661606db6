using Microsoft.EntityFrameworkCore;
using Socle.Identity.Domain.Local;
using Socle.Identity.Domain.Matching;
using Socle.Identity.Storage;

namespace Socle.Identity.Features.Shared;

/// <summary>
/// Finds duplicate candidates in an organisation's repository. Candidates are blocked on the birth date (and
/// its day/month swap) or on the phonetic family key with the same first letters of the given names, then scored.
/// </summary>
internal sealed class DuplicateFinder(IdentityDbContext db)
{
    private const int MaxBlock = 500;

    public async Task<IReadOnlyList<(LocalIdentity Identity, MatchResult Match)>> FindAsync(
        string organisation, MatchProbe probe, Guid? exclude, int max, CancellationToken cancellationToken)
    {
        var dates = DuplicateScorer.BirthDateVariants(probe.BirthDate).ToList();
        var phonetic = probe.PhoneticKey;
        var givenPrefix = probe.GivenKey.Length >= 2 ? probe.GivenKey[..2] : probe.GivenKey;
        var givenUpper = InsName.PrefixUpperBound(givenPrefix);
        var active = db.LocalIdentities.AsNoTracking().Where(x => x.Organisation == organisation && x.MergedIntoId == null && x.Id != exclude);

        // Two blocks, each read through its own index.
        var byDate = await active.Where(x => dates.Contains(x.BirthDate)).OrderBy(x => x.Id).Take(MaxBlock).ToListAsync(cancellationToken);
        var bySound = await active
            .Where(x => x.PhoneticKey == phonetic && string.Compare(x.GivenKey, givenPrefix) >= 0 && string.Compare(x.GivenKey, givenUpper) < 0)
            .OrderBy(x => x.Id).Take(MaxBlock).ToListAsync(cancellationToken);

        return byDate.Concat(bySound).DistinctBy(x => x.Id)
            .Select(x => (Identity: x, Match: DuplicateScorer.Score(probe, ProbeOf(x))))
            .Where(c => c.Match.Score >= DuplicateScorer.CandidateThreshold)
            .OrderByDescending(c => c.Match.Score)
            .ThenBy(c => c.Identity.Id)
            .Take(max)
            .ToList();
    }

    public static MatchProbe ProbeOf(LocalIdentity x) =>
        new(x.FamilyKey, x.UsedFamilyKey, x.GivenKey, x.BirthDate, x.Gender, x.Birthplace);
}
