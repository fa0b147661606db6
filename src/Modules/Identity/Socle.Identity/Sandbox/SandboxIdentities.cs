using Microsoft.EntityFrameworkCore;
using Socle.Identity.Contracts;
using Socle.Identity.Domain;
using Socle.Identity.Domain.Reference;
using Socle.Identity.Fhir;
using Socle.Identity.Domain.Local;
using Socle.Identity.Features.Patients;
using Socle.Identity.Features.Shared;
using Socle.Identity.Storage;

namespace Socle.Identity.Sandbox;

internal sealed class SandboxIdentities(IdentityDbContext db, ReferenceBulkWriter writer, LocalIdentityStore store, IPatientIdentities identities, IAuditTrail audit, TimeProvider clock) : ISandboxIdentities
{
    /// <summary>Appli carte Vitale: the high-trust digital identity a patient space enrols with.</summary>
    private const string EnrolmentDocument = "AV";

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
        var rows = homonyms
            ? await HomonymsAsync(count, cancellationToken)
            : await db.ReferenceIdentities.AsNoTracking().OrderBy(r => r.Id).Take(count).ToListAsync(cancellationToken);

        return rows.Select(r => new SandboxIdentity(r.Nir, r.Oid, r.BirthFamilyName, r.BirthGivenNames, PatientMapper.Date(r.BirthDate), r.Gender.ToFhir(), r.Birthplace)).ToList();
    }

    public async Task<IReadOnlyList<PatientIdentity>> EnrolQualifiedAsync(string organisation, int count, CancellationToken cancellationToken)
    {
        var references = await db.ReferenceIdentities.AsNoTracking().OrderBy(r => r.Id).Take(count).ToListAsync(cancellationToken);
        var nirs = references.Select(r => r.Nir).ToList();
        var existing = await db.LocalIdentities.AsNoTracking()
            .Where(x => x.Organisation == organisation && x.MergedIntoId == null && x.Ins != null && nirs.Contains(x.Ins))
            .ToDictionaryAsync(x => x.Ins!, x => x.Id, cancellationToken);
        var created = new List<LocalIdentity>();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var reference in references.Where(r => !existing.ContainsKey(r.Nir)))
        {
            var id = Guid.CreateVersion7(clock.GetUtcNow());
            var identity = new LocalIdentity { Id = id, Organisation = organisation, IppSystem = CreatePatientEndpoint.DefaultIppSystem(organisation), Ipp = id.ToString("N") };
            identity.AttachIns(reference, now);
            identity.ValidateWithDocument(EnrolmentDocument, now);
            store.Add(identity);
            created.Add(identity);
            existing[reference.Nir] = id;
        }

        await store.SaveAsync(cancellationToken);
        await audit.RecordAllAsync("identity.create", created, cancellationToken);
        var result = new List<PatientIdentity>();
        foreach (var nir in nirs)
        {
            result.Add((await identities.FindAsync(existing[nir], cancellationToken))!);
        }

        return result;
    }

    /// <summary>
    /// One query: identities sharing family name, birth date and sex with another (an EXISTS on the traits index),
    /// in key order so that each group is contiguous; then, in memory, those whose first given name is shared too.
    /// </summary>
    private async Task<List<ReferenceIdentity>> HomonymsAsync(int count, CancellationToken cancellationToken)
    {
        var window = (count * 4) + 50;
        var candidates = await db.ReferenceIdentities.AsNoTracking()
            .Where(r => db.ReferenceIdentities.Any(o => o.FamilyKey == r.FamilyKey && o.BirthDate == r.BirthDate && o.Gender == r.Gender && o.Id != r.Id))
            .OrderBy(r => r.FamilyKey).ThenBy(r => r.BirthDate).ThenBy(r => r.Gender).ThenBy(r => r.Id)
            .Take(window)
            .ToListAsync(cancellationToken);
        var groups = candidates.GroupBy(r => (r.FamilyKey, r.BirthDate, r.Gender)).ToList();
        if (candidates.Count == window && groups.Count > 1)
        {
            groups.RemoveAt(groups.Count - 1); // the window may have cut the last group short
        }

        return groups
            .SelectMany(g => g.Where(m => g.Any(o => o.Id != m.Id && InsName.FirstGiven(o.GivenKey) == InsName.FirstGiven(m.GivenKey))))
            .Take(count)
            .ToList();
    }
}
