using Microsoft.EntityFrameworkCore;
using Socle.Identity.Domain.Reference;
using Socle.Identity.Storage;

namespace Socle.Identity.Features.Insi;

/// <summary>
/// The sandbox INSi teleservice over the synthetic national reference. Matching is strict on normalised traits
/// (case, accents, apostrophes, hyphens and spaces folded; no fuzzy match): the given names supplied must be the
/// start of the registered list, and the place of birth, when given, must be the registered one.
/// </summary>
internal sealed class InsiTeleservice(IdentityDbContext db)
{
    public const string Found = "00";
    public const string NotFound = "01";
    public const string Several = "02";

    public async Task<(string Code, ReferenceIdentity? Identity)> RetrieveAsync(InsiQuery query, CancellationToken cancellationToken)
    {
        List<ReferenceIdentity> candidates;
        if (query.Traits is { } traits)
        {
            var familyKey = InsName.Key(traits.BirthFamilyName);
            var givenKey = InsName.Key(traits.BirthGivenNames);
            candidates = (await db.ReferenceIdentities.AsNoTracking()
                    .Where(r => r.FamilyKey == familyKey && r.BirthDate == traits.BirthDate && r.Gender == traits.Gender)
                    .OrderBy(r => r.Id)
                    .Take(50)
                    .ToListAsync(cancellationToken))
                .Where(r => InsName.GivenNamesStartWith(r.GivenKey, givenKey) && (traits.Birthplace is null || r.Birthplace == traits.Birthplace))
                .ToList();
        }
        else
        {
            candidates = await db.ReferenceIdentities.AsNoTracking()
                .Where(r => r.Nir == query.CardNir && r.BirthDate == query.CardBirthDate)
                .OrderBy(r => r.Id)
                .Take(2)
                .ToListAsync(cancellationToken);
        }

        return candidates.Count switch
        {
            0 => (NotFound, null),
            1 => (Found, candidates[0]),
            _ => (Several, null),
        };
    }

    public Task<ReferenceIdentity?> FindAsync(string nir, string oid, CancellationToken cancellationToken) =>
        db.ReferenceIdentities.AsNoTracking().SingleOrDefaultAsync(r => r.Nir == nir && r.Oid == oid, cancellationToken);

    public Task<ReferenceIdentity?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.ReferenceIdentities.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>The traits that differ between what the caller holds and the reference (names compared by key).</summary>
    public static IReadOnlyList<string> Mismatches(ReferenceIdentity reference, InsTraits traits)
    {
        var mismatches = new List<string>();
        if (InsName.Key(traits.BirthFamilyName) != reference.FamilyKey)
        {
            mismatches.Add("family");
        }

        if (InsName.Key(traits.BirthGivenNames) != reference.GivenKey)
        {
            mismatches.Add("given");
        }

        if (traits.BirthDate != reference.BirthDate)
        {
            mismatches.Add("birthdate");
        }

        if (traits.Gender != reference.Gender)
        {
            mismatches.Add("gender");
        }

        if (traits.Birthplace is not null && traits.Birthplace != reference.Birthplace)
        {
            mismatches.Add("birthplace");
        }

        return mismatches;
    }
}
