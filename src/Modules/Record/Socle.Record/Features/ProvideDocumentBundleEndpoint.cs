using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Socle.BuildingBlocks.Web;
using Socle.Record.Access;
using Socle.Record.Storage;

namespace Socle.Record.Features;

/// <summary>POST /fhir: IHE MHD ITI-65 Provide Document Bundle, all or nothing.</summary>
internal static class ProvideDocumentBundleEndpoint
{
    public static void Map(IEndpointRouteBuilder routes, RecordOptions options) =>
        routes.MapPost("/fhir", HandleAsync)
            .RequireScope(RecordScopes.Write)
            .WithRequestBodyLimit((options.MaxDocumentBytes * 4 / 3) + (1024 * 1024))
            .WithName("ProvideDocumentBundle")
            .WithSummary("ITI-65 Provide Document Bundle: SubmissionSet List, DocumentReferences and Binaries in one transaction");

    private static async Task<IResult> HandleAsync(
        HttpRequest request, RecordDbContext db, RecordAccess access, RecordTraces traces, IOptions<RecordOptions> options, TimeProvider clock)
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

        // Idempotency: a unique id already deposited with the same content answers the first result.
        var uniqueIds = documents.Select(d => d.Metadata.UniqueId).ToList();
        if (uniqueIds.Distinct(StringComparer.Ordinal).Count() != uniqueIds.Count)
        {
            throw RecordErrors.InvalidBundle.WithMessage("Two DocumentReferences of the bundle share a masterIdentifier.").ToException();
        }

        var existing = await db.Documents.AsNoTracking().Where(x => uniqueIds.Contains(x.UniqueId)).ToListAsync(cancellationToken);
        if (existing.Count > 0)
        {
            return Repeat(request, documents.Select(d => (d.Metadata.UniqueId, d.Sha1, d.Metadata.DeclaredSize!.Value)).ToList(), existing, record);
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var submissionId = Guid.CreateVersion7(clock.GetUtcNow());
        var baseUrl = FhirUrls.Base(request);
        var ids = documents.ToDictionary(d => d.Input.FullUrl, _ => Guid.CreateVersion7(clock.GetUtcNow()));
        var replaced = new List<DocumentEntry>();
        foreach (var (input, metadata, sha1) in documents)
        {
            var id = ids[input.FullUrl];
            Guid? replaces = null;
            if (input.Replaces is { } target)
            {
                var old = await db.Documents.SingleOrDefaultAsync(x => x.Id == target && x.RecordId == record.Id && x.DeletedAtMs == null, cancellationToken);
                if (old is null || old.Status != DocumentStatuses.Current)
                {
                    throw RecordErrors.NotReplaceable.WithMessage($"DocumentReference/{target:N} is not a current document of this record.").ToException();
                }

                await traces.EnsureAsync(scope, "replace", AccessPolicy.Amend(scope.Access, scope.Standing, old.Facts));
                old.Status = DocumentStatuses.Superseded;
                replaced.Add(old);
                replaces = old.Id;
            }

            var stored = input.Reference;
            stored.Id = null;
            stored.Content![0].Attachment!.Data = null;
            stored.Content[0].Attachment!.Url = null;
            if (replaces is not null)
            {
                stored.RelatesTo = [new DocumentReferenceRelatesTo { Code = "replaces", Target = new Reference { ReferenceValue = $"DocumentReference/{replaces:N}" } }];
            }

            db.Documents.Add(new DocumentEntry
            {
                Id = id,
                RecordId = record.Id,
                SubmissionSetId = submissionId,
                UniqueId = metadata.UniqueId,
                ClassCode = metadata.ClassCode,
                TypeCode = metadata.TypeCode,
                FormatCode = metadata.FormatCode,
                FacilityCode = metadata.FacilityCode,
                PracticeSettingCode = metadata.PracticeSettingCode,
                EventCodes = " " + string.Join(' ', metadata.EventCodes) + (metadata.EventCodes.Count > 0 ? " " : string.Empty),
                Confidentiality = metadata.Confidentiality,
                Visibility = (int)metadata.Visibility,
                AuthorIdNat = metadata.AuthorIdNat,
                AuthorStructure = metadata.AuthorStructure,
                DateMs = (metadata.Creation ?? clock.GetUtcNow()).ToUnixTimeMilliseconds(),
                ServiceStartMs = metadata.ServiceStart?.ToUnixTimeMilliseconds(),
                ServiceStopMs = metadata.ServiceStop?.ToUnixTimeMilliseconds(),
                Size = input.Content.LongLength,
                Sha1 = sha1,
                ContentType = metadata.ContentType,
                ReplacesId = replaces,
                ResourceJson = FhirJson.SerializeToString(stored),
            });
            db.Contents.Add(new DocumentContent { DocumentId = id, Bytes = input.Content });
        }

        var list = parsed.SubmissionSet;
        list.Id = submissionId.ToString("N");
        list.Date ??= DocumentMapper.Instant(now);
        list.Entry = documents.Select(d => new ListEntry { Item = new Reference { ReferenceValue = $"DocumentReference/{ids[d.Input.FullUrl]:N}" } }).ToList();
        db.SubmissionSets.Add(new SubmissionSetEntry
        {
            Id = submissionId,
            RecordId = record.Id,
            UniqueId = parsed.SubmissionSetUniqueId,
            AuthorIdNat = who.IdNat,
            SubmittedAtMs = now,
            ResourceJson = FhirJson.SerializeToString(list),
        });
        if (parsed.Patient.LocalPatientId is { } local && !await db.PatientLinks.AnyAsync(l => l.PatientId == local, cancellationToken))
        {
            db.PatientLinks.Add(new RecordPatientLink { PatientId = local, RecordId = record.Id });
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (input, _, _) in documents)
        {
            await traces.TraceAsync(scope, input.Replaces is null ? "deposit" : "replace", "DocumentReference", ids[input.FullUrl]);
        }

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
