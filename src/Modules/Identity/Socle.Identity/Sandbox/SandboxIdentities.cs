using Microsoft.EntityFrameworkCore;
using Socle.Identity.Contracts;
using Socle.Identity.Domain;
using Socle.Identity.Domain.Reference;
using Socle.Identity.Fhir;
using Socle.Identity.Storage;

namespace Socle.Identity.Sandbox;

internal sealed class SandboxIdentities(IdentityDbContext db, ReferenceBulkWriter writer) : ISandboxIdentities
{
    public async Task<SeedResult> SeedAsync(long count, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var existing = await db.ReferenceIdentities.AsNoTracking().MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0;
        if (existing >= count)
        {
            return new SeedResult(existing, 0);
        }

        // The generator is prefix-stable: regenerate the first identities (cheap, in memory) and write only the new ones.
        var rows = new ReferencePopulationGenerator(ReferencePopulationGenerator.DefaultSeed).Generate(count).Where(r => r.Id > existing);
        var added = await writer.WriteAsync(rows, progress is null ? null : new Progress<long>(n => progress.Report(existing + n)), cancellationToken);
        return new SeedResult(existing, added);
    }

    public async Task<IReadOnlyList<SandboxIdentity>> ListAsync(int count, bool homonyms, CancellationToken cancellationToken)
    {
        List<ReferenceIdentity> rows;
        if (!homonyms)
        {
            rows = await db.ReferenceIdentities.AsNoTracking().OrderBy(r => r.Id).Take(count).ToListAsync(cancellationToken);
        }
        else
        {
            var groups = await db.ReferenceIdentities.AsNoTracking()
                .GroupBy(r => new { r.FamilyKey, r.BirthDate, r.Gender })
                .Where(g => g.Count() > 1)
                .Select(g => g.Key)
                .Take(count)
                .ToListAsync(cancellationToken);
            rows = [];
            foreach (var g in groups)
            {
                var members = await db.ReferenceIdentities.AsNoTracking()
                    .Where(r => r.FamilyKey == g.FamilyKey && r.BirthDate == g.BirthDate && r.Gender == g.Gender)
                    .OrderBy(r => r.Id)
                    .ToListAsync(cancellationToken);
                rows.AddRange(members.Where(m => members.Any(o => o.Id != m.Id && InsName.FirstGiven(o.GivenKey) == InsName.FirstGiven(m.GivenKey))));
                if (rows.Count >= count)
                {
                    break;
                }
            }

            rows = rows.Take(count).ToList();
        }

        return rows.Select(r => new SandboxIdentity(r.Nir, r.Oid, r.BirthFamilyName, r.BirthGivenNames, PatientMapper.Date(r.BirthDate), r.Gender.ToFhir(), r.Birthplace)).ToList();
    }
}
