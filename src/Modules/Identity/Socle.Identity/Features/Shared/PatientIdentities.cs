using Microsoft.EntityFrameworkCore;
using Socle.Identity.Domain.Local;
using Socle.Identity.Storage;

namespace Socle.Identity.Features.Shared;

/// <summary>The contract other modules use; the INS is given only for qualified identities.</summary>
internal sealed class PatientIdentities(IdentityDbContext db) : IPatientIdentities
{
    public async Task<PatientIdentity?> FindAsync(Guid patientId, CancellationToken cancellationToken)
    {
        var identity = await db.LocalIdentities.AsNoTracking().SingleOrDefaultAsync(x => x.Id == patientId, cancellationToken);
        return identity is null ? null : ToContract(identity);
    }

    public async Task<IReadOnlyList<PatientIdentity>> FindQualifiedByInsAsync(string ins, CancellationToken cancellationToken) =>
        (await db.LocalIdentities.AsNoTracking().Where(x => x.Ins == ins && x.StatusCode == "QUAL" && x.MergedIntoId == null).ToListAsync(cancellationToken))
        .Select(ToContract)
        .ToList();

    private static PatientIdentity ToContract(LocalIdentity x) => new(
        x.Id, x.Organisation, x.StatusCode, x.MayShareIns ? x.Ins : null, x.MayShareIns ? x.InsOid : null,
        x.BirthFamilyName, x.BirthGivenNames, x.BirthDate, x.Gender.ToFhir(), x.Birthplace, x.MergedIntoId);
}
