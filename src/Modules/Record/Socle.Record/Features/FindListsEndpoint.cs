using Microsoft.EntityFrameworkCore;
using Socle.Record.Access;
using Socle.Record.Storage;

namespace Socle.Record.Features;

/// <summary>GET /fhir/List: IHE MHD ITI-66 Find Document Lists (submission sets), each listing only the documents the caller sees.</summary>
internal static class FindListsEndpoint
{
    public static readonly string[] Parameters = ["patient", "patient.identifier", "code", "status", "_count", "_offset"];

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/fhir/List", SearchAsync)
            .RequireScope(RecordScopes.Read)
            .WithName("FindDocumentLists")
            .WithSummary("ITI-66 Find Document Lists");

    private static async Task<IResult> SearchAsync(HttpRequest request, RecordDbContext db, RecordAccess access, RecordTraces traces, AccessPolicy policy, AccessMatrix matrix)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var q = new QueryParameters(request, Parameters);
        if (q.Get("code") is { } code && TokenParameter.Parse(code).Value != "submissionset")
        {
            throw RecordErrors.InvalidParameter.WithMessage("Socle's lists are submission sets: code is 'submissionset'.").ToException();
        }

        if (q.Get("status") is { } status && status != "current")
        {
            throw RecordErrors.InvalidParameter.WithMessage("Submission sets are always 'current'.").ToException();
        }

        var count = q.Integer("_count", 20, 1, 100);
        var offset = q.Integer("_offset", 0, 0, 10_000);
        var scope = await access.ScopeAsync(RecordSearch.Patient(q), cancellationToken);
        var reach = await RecordSearch.AuthoriseReadAsync(traces, policy, scope, "search", false);

        // A submission set shows when the caller sees at least one of its documents, and lists only those.
        var visible = VisibleDocuments.For(db.Documents.AsNoTracking(), scope, reach, matrix);
        var sets = await db.SubmissionSets.AsNoTracking()
            .Where(s => s.RecordId == scope.Record.Id && visible.Any(d => d.SubmissionSetId == s.Id))
            .OrderByDescending(s => s.SubmittedAtMs).ThenByDescending(s => s.Id)
            .Skip(offset).Take(count + 1).ToListAsync(cancellationToken);
        var hasNext = sets.Count > count;
        sets = sets.Take(count).ToList();
        var ids = sets.Select(s => s.Id).ToList();
        var documents = (await traces.WhileTracingAsync(scope, "search", "List", null, () => visible.Where(d => ids.Contains(d.SubmissionSetId)).ToListAsync(cancellationToken)))
            .Where(d => policy.Shows(scope.Access, scope.Standing, reach, d.Facts))
            .ToLookup(d => d.SubmissionSetId);
        var baseUrl = FhirUrls.Base(request);
        return new FhirResult(new Bundle
        {
            Type = "searchset",
            Link = SearchLinks.For(request, $"{baseUrl}/List", offset, count, hasNext),
            Entry = sets.Select(s =>
            {
                var list = DocumentMapper.ToFhir(s);
                list.Entry = documents[s.Id].Select(d => new ListEntry { Item = new Reference { ReferenceValue = $"DocumentReference/{d.Id:N}" } }).ToList();
                return new BundleEntry { FullUrl = $"{baseUrl}/List/{s.Id:N}", Resource = list, Search = new BundleEntrySearch { Mode = "match" } };
            }).ToList(),
        });
    }
}
