using Microsoft.EntityFrameworkCore;
using Socle.Audit.Contracts;
using Socle.Audit.Domain;

namespace Socle.Audit.Storage;

internal sealed class AuditLog(AuditDbContext db) : IAuditLog
{
    private const int PageSize = 5_000;

    public Task<long> CountAsync(CancellationToken cancellationToken) => db.Entries.LongCountAsync(cancellationToken);

    public async Task<IReadOnlyList<AuditRecord>> ListForPatientAsync(string patientId, string actionPrefix, int count, long? beforeSequence, CancellationToken cancellationToken)
    {
        var query = db.Entries.AsNoTracking().Where(e => e.PatientId == patientId && e.Action.StartsWith(actionPrefix));
        if (beforeSequence is { } before)
        {
            query = query.Where(e => e.Sequence < before);
        }

        var entries = await query.OrderByDescending(e => e.Sequence).Take(count).ToListAsync(cancellationToken);
        return entries.Select(e => new AuditRecord(
            e.Sequence, DateTimeOffset.FromUnixTimeMilliseconds(e.OccurredAtMs), e.ClientId, e.Organisation, e.PersonId, e.Action, e.ResourceType,
            e.ResourceId, e.PatientId, e.Purpose, Enum.Parse<AuditOutcome>(e.Outcome), e.Detail)).ToList();
    }

    public async Task<AuditVerification> VerifyAsync(IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var previousHash = AuditChain.GenesisHash;
        long expected = 1;
        long checkedCount = 0;
        while (true)
        {
            var from = expected;
            var page = await db.Entries.AsNoTracking()
                .Where(e => e.Sequence >= from)
                .OrderBy(e => e.Sequence)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                return new AuditVerification(true, checkedCount, null, null, previousHash);
            }

            foreach (var entry in page)
            {
                var broken = Check(entry, expected, previousHash);
                if (broken is not null)
                {
                    return new AuditVerification(false, checkedCount, expected, broken, previousHash);
                }

                previousHash = entry.Hash;
                expected++;
                checkedCount++;
            }

            progress?.Report(checkedCount);
        }
    }

    private static string? Check(AuditEntry entry, long expected, string previousHash)
    {
        if (entry.Sequence != expected)
        {
            return $"entry {expected} is missing (the next entry present is {entry.Sequence}): entries were deleted";
        }

        if (entry.PreviousHash != previousHash)
        {
            return $"entry {expected} does not link to entry {expected - 1}: the chain was rewritten";
        }

        return AuditChain.ComputeHash(previousHash, entry) != entry.Hash
            ? $"entry {expected} does not match its hash: its content was changed"
            : null;
    }
}
