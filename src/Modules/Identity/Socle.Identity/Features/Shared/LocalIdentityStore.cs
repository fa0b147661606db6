using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Socle.Identity.Domain.Local;
using Socle.Identity.Storage;

namespace Socle.Identity.Features.Shared;

/// <summary>Loads the caller organisation's identities and saves each change as a new version with its history row.</summary>
internal sealed class LocalIdentityStore(IdentityDbContext db, ICallerContext caller, TimeProvider clock)
{
    public IdentityDbContext Db => db;

    public async Task<LocalIdentity> GetOwnAsync(string id, CancellationToken cancellationToken)
    {
        var identity = Guid.TryParseExact(id, "N", out var guid)
            ? await db.LocalIdentities.SingleOrDefaultAsync(x => x.Id == guid, cancellationToken)
            : null;
        return identity is not null && identity.Organisation == caller.Organisation
            ? identity
            : throw IdentityErrors.PatientNotFound.WithMessage($"Patient/{id} is not in your organisation's identity repository.").ToException();
    }

    public void Add(LocalIdentity identity)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        identity.CreatedAtMs = now;
        db.LocalIdentities.Add(identity);
        Record(identity, "created");
    }

    /// <summary>Stamps a new version and keeps its snapshot in the history.</summary>
    public void Record(LocalIdentity identity, string change)
    {
        identity.Refresh();
        identity.Version++;
        identity.UpdatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        db.History.Add(new LocalIdentityHistory
        {
            IdentityId = identity.Id,
            Version = identity.Version,
            ChangedAtMs = identity.UpdatedAtMs,
            Change = change,
            ClientId = caller.ClientId,
            SnapshotJson = JsonSerializer.Serialize(Snapshot(identity), IdentityJsonContext.Default.IdentitySnapshot),
        });
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw IdentityErrors.VersionConflict.WithMessage("The patient was changed by someone else meanwhile; read it again and retry.").ToException();
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            throw IdentityErrors.DuplicateIpp.ToException();
        }
    }

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || ex.InnerException is Npgsql.PostgresException { SqlState: "23505" };

    private static IdentitySnapshot Snapshot(LocalIdentity i) => new(
        i.BirthFamilyName, i.BirthGivenNames, i.UsedFamilyName, i.UsedGivenName, PatientMapper.Date(i.BirthDate), i.Gender.ToFhir(), i.Birthplace,
        i.StatusCode, i.Ins, i.InsOid, i.InsiRetrievedAtMs, i.ValidationDocument, i.ValidatedAtMs, i.Doubtful, i.Fictitious, i.Homonym, i.MergedIntoId);
}
