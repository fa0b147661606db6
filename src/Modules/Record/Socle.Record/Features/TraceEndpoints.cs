using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Socle.Directory.Contracts;
using Socle.Record.Access;
using Socle.Record.Storage;

namespace Socle.Record.Features;

/// <summary>
/// GET /fhir/AuditEvent: the traces of a record for its patient, newest first, as soon as they happened.
/// Professionals do not read traces; legal representatives do not see the accesses made under a secret connection.
/// The traces of a document hidden from the reader wait until it is shown to them.
/// </summary>
internal static class TraceEndpoints
{
    private const string ActionSystem = "urn:socle:record-action";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/fhir/AuditEvent", ListAsync)
            .RequireScope(RecordScopes.Read)
            .WithName("ListRecordTraces")
            .WithSummary("The accesses and actions on a patient's record, for the patient");

    private static async Task<IResult> ListAsync(
        HttpRequest request, RecordAccess access, RecordTraces traces, IAuditLog log, IDirectory directory, RecordDbContext db, AccessPolicy policy)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var q = new QueryParameters(request, "patient", "patient.identifier", "_count", "_before");
        var count = q.Integer("_count", 50, 1, 200);
        long? before = q.Get("_before") is { } b
            ? long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : throw RecordErrors.InvalidParameter.WithMessage("_before is a trace sequence number.").ToException()
            : null;
        var scope = await access.ScopeAsync(RecordSearch.Patient(q), cancellationToken);
        if (scope.Access.IsProfessional)
        {
            await traces.EnsureAsync(scope, "traces", RecordErrors.NotYourRight.WithMessage("The traces of a record are the patient's: professionals do not read them."));
        }

        var entries = scope.Record.Id == Guid.Empty
            ? []
            : await log.ListForPatientAsync(scope.PatientKey, RecordTraces.ActionPrefix, count + 1, before, cancellationToken);
        var hasNext = entries.Count > count;
        entries = entries.Take(count).ToList();
        var hidden = await HiddenDocumentsAsync(db, policy, scope, entries, cancellationToken);
        var shown = entries
            .Where(e => !(scope.Access.Kind == CallerKind.Representative && Details(e).Contains("secret")))
            .Where(e => e.ResourceId is null || !hidden.Contains(e.ResourceId))
            .ToList();
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var idNat in shown.Where(e => e.PersonId is not null && !Details(e).Overlaps(["patient", "representative"])).Select(e => e.PersonId!).Distinct())
        {
            var professional = await directory.FindProfessionalAsync(idNat, cancellationToken);
            names[idNat] = professional is null ? null : $"{professional.GivenName} {professional.FamilyName}".Trim();
        }

        var baseUrl = FhirUrls.Base(request);
        var links = new List<BundleLink> { new() { Relation = "self", Url = $"{baseUrl}/AuditEvent{request.QueryString}" } };
        if (hasNext)
        {
            var query = string.Join('&', request.Query.Where(p => p.Key != "_before").SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? string.Empty)}")));
            links.Add(new BundleLink { Relation = "next", Url = $"{baseUrl}/AuditEvent?{query}&_before={entries[^1].Sequence}" });
        }

        return new FhirResult(new Bundle
        {
            Type = "searchset",
            Link = links,
            Entry = shown.Select(e => new BundleEntry
            {
                FullUrl = $"{baseUrl}/AuditEvent/{e.Sequence}",
                Resource = ToFhir(e, names),
                Search = new BundleEntrySearch { Mode = "match" },
            }).ToList(),
        });
    }

    /// <summary>
    /// The documents of these traces that the reader does not see (INVISIBLE_PATIENT; for a representative also
    /// INVISIBLE_REPRESENTANTS_LEGAUX): "Dr X deposited a document" would tell what is not yet to be told. Deleted
    /// documents keep their traces.
    /// </summary>
    private static async Task<HashSet<string>> HiddenDocumentsAsync(
        RecordDbContext db, AccessPolicy policy, RecordScope scope, IReadOnlyList<AuditRecord> entries, CancellationToken cancellationToken)
    {
        var ids = entries
            .Where(e => e.ResourceType is "DocumentReference" or "Binary")
            .Select(e => Guid.TryParseExact(e.ResourceId, "N", out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .Distinct()
            .ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var documents = await db.Documents.AsNoTracking()
            .Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.TypeCode, d.Visibility, d.AuthorIdNat })
            .ToListAsync(cancellationToken);
        return documents
            .Where(d => !policy.Shows(scope.Access, scope.Standing, ReadReach.Holder, new DocumentFacts(d.TypeCode, (Visibility)d.Visibility, d.AuthorIdNat, Deleted: false)))
            .Select(d => d.Id.ToString("N"))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static HashSet<string> Details(AuditRecord entry) =>
        (entry.Detail ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static FhirAuditEvent ToFhir(AuditRecord entry, IReadOnlyDictionary<string, string?> names)
    {
        var action = entry.Action[RecordTraces.ActionPrefix.Length..];
        var details = Details(entry);
        var emergency = details.Contains("emergency");
        var professional = entry.PersonId is not null && names.ContainsKey(entry.PersonId);
        var agents = new List<AuditEventAgent>
        {
            new()
            {
                Type = CodeableConcept.Of("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "AUT", "author"),
                Who = professional
                    ? new Reference { Identifier = new Identifier { System = DocumentMetadata.PractitionerIdSystem, Value = entry.PersonId }, Display = names[entry.PersonId!] }
                    : new Reference { Display = details.Contains("representative") ? "Représentant légal" : "Patient" },
                Requestor = true,
                PurposeOfUse = [CodeableConcept.Of("http://terminology.hl7.org/CodeSystem/v3-ActReason", emergency ? "ETREAT" : entry.Purpose)],
            },
            new()
            {
                Type = CodeableConcept.Of("http://dicom.nema.org/resources/ontology/DCM", "110150", "Application"),
                Who = new Reference { Identifier = new Identifier { System = DocumentMetadata.StructureIdSystem, Value = entry.Organisation }, Display = entry.ClientId },
                Requestor = false,
            },
        };
        return new FhirAuditEvent
        {
            Id = entry.Sequence.ToString(CultureInfo.InvariantCulture),
            Type = new Coding { System = "http://terminology.hl7.org/CodeSystem/audit-event-type", Code = "rest", Display = "RESTful Operation" },
            Subtype = [new Coding { System = ActionSystem, Code = action }],
            Action = action switch
            {
                "deposit" or "replace" => "C",
                "read" or "retrieve" => "R",
                "delete" => "D",
                "visibility" or "hide" or "deprecate" or "settings" => "U",
                _ => "E",
            },
            Recorded = entry.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            Outcome = entry.Outcome switch { AuditOutcome.Success => "0", AuditOutcome.Denied => "4", _ => "8" },
            OutcomeDesc = entry.Outcome == AuditOutcome.Success ? null : details.FirstOrDefault(d => d.StartsWith("RECORD-", StringComparison.Ordinal)),
            PurposeOfEvent = emergency ? [CodeableConcept.Of("http://terminology.hl7.org/CodeSystem/v3-ActReason", "ETREAT", "Bris de glace")] : null,
            Agent = agents,
            Source = new AuditEventSource { Site = "Socle", Observer = new Reference { Display = "Socle Record" } },
            Entity = entry.ResourceId is null || entry.ResourceType == "Record" ? null :
            [
                new AuditEventEntity { What = new Reference { ReferenceValue = $"{entry.ResourceType}/{entry.ResourceId}" } },
            ],
        };
    }
}
