using Microsoft.EntityFrameworkCore;
using Socle.Identity.Domain;
using Socle.Identity.Domain.Reference;

namespace Socle.Identity.Storage;

/// <summary>
/// The reference lookups of every INSi call, compiled once instead of being rebuilt as expression trees, funcletized and
/// looked up in EF's query cache on each call (12 % of an `$ins-retrieve` under load). One instance per host (a
/// singleton), not static fields: a compiled query serves one model, and a test process runs hosts on SQLite and on
/// PostgreSQL side by side.
/// </summary>
internal sealed class ReferenceQueries
{
    /// <summary>At most this many identities share a family key, birth date and sex before the given names decide.</summary>
    private const int MaxTraitCandidates = 50;

    public Func<IdentityDbContext, string, DateOnly, Gender, IAsyncEnumerable<ReferenceIdentity>> ByTraits { get; } =
        EF.CompileAsyncQuery((IdentityDbContext db, string familyKey, DateOnly birthDate, Gender gender) =>
            db.ReferenceIdentities.AsNoTracking()
                .Where(r => r.FamilyKey == familyKey && r.BirthDate == birthDate && r.Gender == gender)
                .OrderBy(r => r.Id)
                .Take(MaxTraitCandidates));

    /// <summary>Two at most: one is an answer, two say the card matches several identities.</summary>
    public Func<IdentityDbContext, string, DateOnly, IAsyncEnumerable<ReferenceIdentity>> ByCard { get; } =
        EF.CompileAsyncQuery((IdentityDbContext db, string nir, DateOnly birthDate) =>
            db.ReferenceIdentities.AsNoTracking()
                .Where(r => r.Nir == nir && r.BirthDate == birthDate)
                .OrderBy(r => r.Id)
                .Take(2));
}
