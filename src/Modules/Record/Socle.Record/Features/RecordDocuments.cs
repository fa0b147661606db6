using Microsoft.EntityFrameworkCore;
using Socle.Record.Access;
using Socle.Record.Storage;

namespace Socle.Record.Features;

/// <summary>One document by id, for a caller who may see it: anything else is the same 404, so hidden documents stay unknown.</summary>
internal sealed class RecordDocuments(RecordDbContext db, RecordAccess access, RecordTraces traces, AccessPolicy policy)
{
    public RecordTraces Traces => traces;

    public RecordDbContext Db => db;

    public async Task<(RecordScope Scope, DocumentEntry Entry)> ReadableAsync(string id, string action, CancellationToken cancellationToken)
    {
        var (scope, entry) = await FindAsync(id, cancellationToken);
        var isAuthor = scope.Access.IsProfessional && entry.AuthorIdNat == scope.Access.IdNat;
        var reach = await RecordSearch.AuthoriseReadAsync(traces, policy, scope, action, isAuthor);
        return policy.Shows(scope.Access, scope.Standing, reach, entry.Facts) ? (scope, entry) : throw NotFound(id);
    }

    /// <summary>The document and the caller's standing in its record, before any rule (for writes, which apply their own).</summary>
    public async Task<(RecordScope Scope, DocumentEntry Entry)> FindAsync(string id, CancellationToken cancellationToken)
    {
        var who = await access.CallerAsync(cancellationToken);
        var entry = Guid.TryParseExact(id, "N", out var guid)
            ? await db.Documents.SingleOrDefaultAsync(x => x.Id == guid && x.DeletedAtMs == null, cancellationToken)
            : null;
        if (entry is null)
        {
            throw NotFound(id);
        }

        var record = await access.RecordAsync(entry.RecordId);
        RecordScope scope;
        try
        {
            scope = await access.StandingAsync(who, record, cancellationToken);
        }
        catch (DomainException)
        {
            throw NotFound(id); // a patient probing another patient's document learns nothing
        }

        return (scope, entry);
    }

    private static DomainException NotFound(string id) =>
        RecordErrors.DocumentNotFound.WithMessage($"DocumentReference/{id} does not exist or is not visible to you.").ToException();
}
