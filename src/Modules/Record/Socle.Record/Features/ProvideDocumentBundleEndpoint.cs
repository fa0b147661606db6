using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Socle.BuildingBlocks.Web;
using Socle.Record.Access;
using Socle.Record.Storage;

namespace Socle.Record.Features;

/// <summary>POST /fhir: IHE MHD ITI-65 Provide Document Bundle, all or nothing.</summary>
internal static class ProvideDocumentBundleEndpoint
{
    /// <summary>PostgreSQL's unique_violation: another deposit of the same unique id committed first.</summary>
    private const string UniqueViolation = "23505";

    public static void Map(IEndpointRouteBuilder routes, RecordOptions options) =>
        routes.MapPost("/fhir", HandleAsync)
            .RequireScope(RecordScopes.Write)
            .WithRequestBodyLimit((options.MaxDocumentBytes * 4 / 3) + (1024 * 1024))
            .WithName("ProvideDocumentBundle")
            .WithSummary("ITI-65 Provide Document Bundle: SubmissionSet List, DocumentReferences and Binaries in one transaction");

    private static async Task<IResult> HandleAsync(
        HttpRequest request, RecordDbContext db, DepositWriter writer, RecordAccess access, RecordTraces traces, AccessPolicy policy, IOptions<RecordOptions> options,
        TimeProvider clock)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var bundle = await FhirRequest.ReadAsync<Bundle>(request);
        var parsed = ProvideBundle.Parse(bundle);
        var who = await access.CallerAsync(cancellationToken);
        var (ins, _) = await access.ResolveAsync(parsed.Patient, cancellationToken);
        var record = await access.OpenAsync(ins, cancellationToken);
        var scope = await access.StandingAsync(who, record, cancellationToken);
        var documents = parsed.Documents.Select(d =>
        {
            var path = $"Bundle.entry[{d.EntryIndex}]";
            var metadata = DocumentMetadata.Read(d.Reference, path, !who.IsProfessional);
            if (who.IsProfessional && metadata.AuthorIdNat != who.IdNat)
            {
                throw RecordErrors.NotYourRight.WithMessage($"{path}: the author ({metadata.AuthorIdNat}) must be the professional who deposits ({who.IdNat}).").ToException();
            }

            var sha1 = ContentChecks.Verify(d.Content, metadata, ins, path, options.Value.MaxDocumentBytes);
            return (Input: d, Metadata: metadata, Sha1: sha1);
        }).ToList();
        foreach (var classCode in documents.Select(d => d.Metadata.ClassCode).Distinct())
        {
            await traces.EnsureAsync(scope, "deposit", AccessPolicy.Deposit(scope.Access, scope.Standing, classCode));
        }

        // Idempotency: a unique id already deposited with the same content answers the first result. The unique index
        // finds a repeat when the rows are written; a replacement is looked up first, since its target is superseded by then.
        var uniqueIds = documents.Select(d => d.Metadata.UniqueId).ToList();
        if (uniqueIds.Distinct(StringComparer.Ordinal).Count() != uniqueIds.Count)
        {
            throw RecordErrors.InvalidBundle.WithMessage("Two DocumentReferences of the bundle share a masterIdentifier.").ToException();
        }

        var sent = documents.Select(d => (d.Metadata.UniqueId, d.Sha1, d.Metadata.DeclaredSize!.Value)).ToList();
        if (documents.Any(d => d.Input.Replaces is not null) && await ReplayAsync(request, db, sent, record, cancellationToken) is { } replay)
        {
            return replay;
        }

        var now = clock.GetUtcNow();
        var submissionId = Guid.CreateVersion7(now);
        var ids = documents.ToDictionary(d => d.Input.FullUrl, _ => Guid.CreateVersion7(now));
        var stored = new List<DocumentEntry>(documents.Count);
        var contents = new List<DocumentContent>(documents.Count);
        foreach (var (input, metadata, sha1) in documents)
        {
            var id = ids[input.FullUrl];
            Guid? replaces = null;
            if (input.Replaces is { } target)
            {
                var old = await db.Documents.SingleOrDefaultAsync(x => x.Id == target && x.RecordId == record.Id && x.DeletedAtMs == null, cancellationToken);
                // A document hidden from the caller is answered as an absent one: "only the author replaces" would tell
                // that it exists.
                if (old is null || old.Status != DocumentStatuses.Current || !policy.Sees(scope.Access, scope.Standing, old.Facts))
                {
                    throw RecordErrors.NotReplaceable.WithMessage($"DocumentReference/{target:N} is not a current document of this record that you may read.").ToException();
                }

                await traces.EnsureAsync(scope, "replace", AccessPolicy.Amend(scope.Access, scope.Standing, old.Facts));
                old.Status = DocumentStatuses.Superseded;
                replaces = old.Id;
            }

            stored.Add(StoredDeposit.Document(id, record.Id, submissionId, input, metadata, sha1, replaces, now));
            contents.Add(new DocumentContent { DocumentId = id, Bytes = input.Content });
        }

        var submissionSet = StoredDeposit.SubmissionSet(submissionId, record.Id, parsed, who.IdNat, documents.Select(d => ids[d.Input.FullUrl]), now);
        if (parsed.Patient.LocalPatientId is { } local && !await db.PatientLinks.AnyAsync(l => l.PatientId == local, cancellationToken))
        {
            db.PatientLinks.Add(new RecordPatientLink { PatientId = local, RecordId = record.Id });
        }

        try
        {
            await writer.SaveAsync(db, new NewDeposit(submissionSet, stored, contents), cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or DbException { SqlState: UniqueViolation })
        {
            return await ReplayAsync(request, db, sent, record, cancellationToken) ?? throw RecordErrors.DuplicateUniqueId
                .WithMessage("The deposit raced another one on the same record; send it again.").ToException();
        }

        // Queued together, the traces of a bundle's documents share one group commit instead of one each.
        await Task.WhenAll(documents.Select(d => traces.TraceAsync(scope, d.Input.Replaces is null ? "deposit" : "replace", "DocumentReference", ids[d.Input.FullUrl])));

        return new FhirResult(Response(parsed, submissionId, ids));
    }

    private static Bundle Response(ProvideBundle parsed, Guid submissionId, IReadOnlyDictionary<string, Guid> ids) => new()
    {
        Type = "transaction-response",
        Entry = parsed.EntryOrder.Select(entry => new BundleEntry
        {
            Response = new BundleEntryResponse
            {
                Status = "201 Created",
                Location = entry.Kind switch
                {
                    "List" => $"List/{submissionId:N}",
                    "DocumentReference" => $"DocumentReference/{ids[entry.FullUrl]:N}",
                    _ => $"Binary/{ids[entry.DocumentFullUrl!]:N}",
                },
            },
        }).ToList(),
    };

    private static async Task<FhirResult?> ReplayAsync(
        HttpRequest request, RecordDbContext db, List<(string UniqueId, string Sha1, long Size)> sent, PatientRecord record, CancellationToken cancellationToken)
    {
        var uniqueIds = sent.Select(d => d.UniqueId).ToList();
        var existing = await db.Documents.AsNoTracking().Where(x => uniqueIds.Contains(x.UniqueId)).ToListAsync(cancellationToken);
        return existing.Count == 0 ? null : Repeat(request, sent, existing, record);
    }

    private static FhirResult Repeat(HttpRequest request, List<(string UniqueId, string Sha1, long Size)> sent, List<DocumentEntry> existing, PatientRecord record)
    {
        foreach (var (uniqueId, sha1, size) in sent)
        {
            var first = existing.FirstOrDefault(x => x.UniqueId == uniqueId);
            if (first is null || first.Sha1 != sha1 || first.Size != size || first.RecordId != record.Id)
            {
                throw RecordErrors.DuplicateUniqueId.WithMessage(first is null
                    ? "Part of this bundle was deposited before and part was not: send the new documents in their own bundle."
                    : $"The unique id {uniqueId} was deposited before with a different content (or for another patient).").ToException();
            }
        }

        var submission = existing[0].SubmissionSetId;
        request.HttpContext.Response.Headers["X-Socle-Idempotent-Replay"] = "true";
        return new FhirResult(new Bundle
        {
            Type = "transaction-response",
            Entry = [new BundleEntry { Response = new BundleEntryResponse { Status = "200 OK", Location = $"List/{submission:N}" } }, ..existing.Select(x => new BundleEntry
            {
                Response = new BundleEntryResponse { Status = "200 OK", Location = $"DocumentReference/{x.Id:N}" },
            })],
        });
    }
}
