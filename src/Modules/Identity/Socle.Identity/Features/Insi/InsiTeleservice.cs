using Microsoft.EntityFrameworkCore;
using Socle.Identity.Domain.Reference;
using Socle.Identity.Storage;

namespace Socle.Identity.Features.Insi;

/// <summary>
/// The sandbox INSi teleservice over the synthetic national reference. Matching is strict on normalised traits
/// (case, accents, apostrophes, hyphens and spaces folded; no fuzzy match): the given names supplied must be the
/// start of the registered list, and the place of birth, when given, must be the registered one.
/// </summary>
internal sealed class InsiTeleservice(IdentityDbContext db, ReferenceQueries queries)
{
    public const string Found = "00";
    public const string NotFound = "01";
    public const string Several = "02";

    public async Task<(string Code, ReferenceIdentity? Identity)> RetrieveAsync(InsiQuery query, CancellationToken cancellationToken)
    {
        var candidates = new List<ReferenceIdentity>(2);
        if (query.Traits is { } traits)
        {
            var givenKey = InsName.Key(traits.BirthGivenNames);
            await foreach (var r in queries.ByTraits(db, InsName.Key(traits.BirthFamilyName), traits.BirthDate, traits.Gender).WithCancellation(cancellationToken))
            {
                if (InsName.GivenNamesStartWith(r.GivenKey, givenKey) && (traits.Birthplace is null || r.Birthplace == traits.Birthplace))
                {
                    candidates.Add(r);
                }
            }
        }
        else if (query is { CardNir: { } nir, CardBirthDate: { } birthDate })
        {
            await foreach (var r in queries.ByCard(db, nir, birthDate).WithCancellation(cancellationToken))
            {
                candidates.Add(r);
            }
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
