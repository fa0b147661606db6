using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Socle.Record.Access;
using Socle.Record.Storage;

namespace Socle.Record.Features;

/// <summary>GET /fhir/DocumentReference: IHE MHD ITI-67 Find Document References; GET /fhir/DocumentReference/{id}.</summary>
internal static class FindDocumentReferencesEndpoint
{
    public static readonly string[] Parameters =
        ["patient", "patient.identifier", "status", "type", "category", "date", "period", "author.identifier", "setting", "facility", "event", "_count", "_offset"];

    private const string LikeEscape = @"\";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/fhir/DocumentReference", SearchAsync)
            .RequireScope(RecordScopes.Read)
            .WithName("FindDocumentReferences")
            .WithSummary("ITI-67 Find Document References");
        routes.MapGet("/fhir/DocumentReference/{id}", ReadAsync)
            .RequireScope(RecordScopes.Read)
            .WithName("ReadDocumentReference")
            .WithSummary("Read one DocumentReference");
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, RecordDbContext db, RecordAccess access, RecordTraces traces, AccessPolicy policy, AccessMatrix matrix)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var q = new QueryParameters(request, Parameters);
        var count = q.Integer("_count", 20, 1, 100);
        var offset = q.Integer("_offset", 0, 0, 10_000);
        var scope = await access.ScopeAsync(RecordSearch.Patient(q), cancellationToken);
        var author = q.Get("author.identifier") is { } a ? TokenParameter.Parse(a).Value : null;
        var reach = await RecordSearch.AuthoriseReadAsync(traces, policy, scope, "search", author is not null && author == scope.Access.IdNat);
        var query = Filter(VisibleDocuments.For(db.Documents.AsNoTracking(), scope, reach, matrix), q, author);
        var page = await traces.WhileTracingAsync(scope, "search", "DocumentReference", null, () =>
            query.OrderByDescending(x => x.DateMs).ThenByDescending(x => x.Id).Skip(offset).Take(count + 1).ToListAsync(cancellationToken));
        var hasNext = page.Count > count;
        page = page.Take(count).Where(x => policy.Shows(scope.Access, scope.Standing, reach, x.Facts)).ToList();
        var baseUrl = FhirUrls.Base(request);
        return new FhirResult(new Bundle
        {
            Type = "searchset",
            Link = SearchLinks.For(request, $"{baseUrl}/DocumentReference", offset, count, hasNext),
            Entry = page.Select(x => new BundleEntry
            {
                FullUrl = $"{baseUrl}/DocumentReference/{x.Id:N}",
                Resource = DocumentMapper.ToFhir(x, baseUrl),
                Search = new BundleEntrySearch { Mode = "match" },
            }).ToList(),
        });
    }

    private static async Task<IResult> ReadAsync(string id, HttpRequest request, RecordDocuments documents)
    {
        var (scope, entry) = await documents.ReadableAsync(id, "read", request.HttpContext.RequestAborted);
        await documents.Traces.TraceAsync(scope, "read", "DocumentReference", entry.Id);
        return new FhirResult(DocumentMapper.ToFhir(entry, FhirUrls.Base(request)));
    }

    private static IQueryable<DocumentEntry> Filter(IQueryable<DocumentEntry> query, QueryParameters q, string? author)
    {
        if (q.Get("status") is { } status)
        {
            query = status switch
            {
                "current" => query.Where(x => x.Status == DocumentStatuses.Current),
                "superseded" => query.Where(x => x.Status != DocumentStatuses.Current),
                "entered-in-error" => query.Where(x => false),
                _ => throw Invalid("status", "is current, superseded or entered-in-error"),
            };
        }

        query = ByCode(query, q.Get("type"), ValueSets.IsLoinc, code => x => x.TypeCode == code);
        query = ByCode(query, q.Get("category"), ValueSets.IsClassSystem, code => x => x.ClassCode == code);
        query = ByCode(query, q.Get("setting"), ValueSets.IsPracticeSettingSystem, code => x => x.PracticeSettingCode == code);
        query = ByCode(query, q.Get("facility"), ValueSets.IsFacilitySystem, code => x => x.FacilityCode == code);

        if (q.Get("event") is { } eventCode)
        {
            // Stored as " code1 code2 ": a code is a single token (deposits refuse others), and its LIKE wildcards are
            // escaped, so that 'event=%' or 'event=E_' matches only a code written that way.
            var code = TokenParameter.Parse(eventCode).Value;
            if (code.Any(char.IsWhiteSpace))
            {
                throw Invalid("event", "is a single code, without spaces");
            }

            var pattern = $"% {LikeLiteral(code)} %";
            query = query.Where(x => EF.Functions.Like(x.EventCodes, pattern, LikeEscape));
        }

        if (author is not null)
        {
            query = query.Where(x => x.AuthorIdNat == author);
        }

        if (q.Get("date") is { } date)
        {
            var (from, to) = DateSearch.Range(date, "date");
            query = query.Where(x => x.DateMs >= from && x.DateMs <= to);
        }

        if (q.Get("period") is { } period)
        {
            var (from, to) = DateSearch.Range(period, "period");
            query = query.Where(x => (x.ServiceStopMs ?? x.ServiceStartMs) >= from && x.ServiceStartMs <= to);
        }

        return query;
    }

    /// <summary>
    /// A token search on a coded element, stored as its code: <c>system|code</c> with a system other than the element's
    /// (its OID or its URL) matches nothing, as in FHIR token search; a code alone matches in the element's system.
    /// </summary>
    private static IQueryable<DocumentEntry> ByCode(
        IQueryable<DocumentEntry> query, string? token, Func<string?, bool> isElementSystem, Func<string, Expression<Func<DocumentEntry, bool>>> matches)
    {
        if (token is null)
        {
            return query;
        }

        var (system, code) = TokenParameter.Parse(token);
        return system is null || isElementSystem(system) ? query.Where(matches(code)) : query.Where(x => false);
    }

    /// <summary>The text as a LIKE pattern that matches only itself.</summary>
    private static string LikeLiteral(string text) => text
        .Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
        .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
        .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    private static DomainException Invalid(string name, string rule) =>
        RecordErrors.InvalidParameter.WithMessage($"The search parameter '{name}' {rule}.").ToException();
}
