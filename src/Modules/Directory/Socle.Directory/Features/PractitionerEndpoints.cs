using Microsoft.EntityFrameworkCore;
using Socle.Directory.Domain;
using Socle.Directory.Fhir;
using Socle.Directory.Storage;

namespace Socle.Directory.Features;

/// <summary>GET /fhir/Practitioner and /fhir/Practitioner/{id}: professionals, as the Annuaire Santé API gives them.</summary>
internal static class PractitionerEndpoints
{
    public static readonly string[] Parameters = ["identifier", "name", "family", "given", "role", "specialty", "mailbox-mss"];
    private const string RevIncludeRoles = "PractitionerRole:practitioner";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/fhir/Practitioner", SearchAsync).RequireScope(DirectoryScopes.Read).WithName("SearchPractitioners").WithSummary("Search professionals");
        routes.MapGet("/fhir/Practitioner/{id}", ReadAsync).RequireScope(DirectoryScopes.Read).WithName("ReadPractitioner").WithSummary("Read a professional by IdNat_PS");
    }

    private static async Task<IResult> ReadAsync(string id, HttpRequest request, DirectoryDbContext db, IAuditTrail audit)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var person = await db.Persons.AsNoTracking().Where(x => x.Key == id).LatestFirst()
            .FirstOrDefaultAsync(cancellationToken) ?? throw DirectoryErrors.NotFound.WithMessage($"No Practitioner '{id}' in the directory.").ToException();
        var resource = (await ToResourcesAsync(db, [person], cancellationToken))[0];
        await audit.RecordAsync(new AuditEvent("directory.read", "Practitioner", id, null, AuditOutcome.Success), cancellationToken);
        return new FhirResult(resource);
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, DirectoryDbContext db, IAuditTrail audit)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var search = new DirectorySearch(request, Parameters, ["_revinclude"]);
        var revIncludes = search.Includes("_revinclude", RevIncludeRoles);
        var query = search.Versions(db.Persons.AsNoTracking());
        var activities = db.Activities.Where(a => a.ValidTo == null);
        if (search.Query.Get("_id") is { } id)
        {
            query = query.Where(x => x.Key == id);
        }

        if (search.Query.Get("identifier") is { } identifier)
        {
            var token = TokenParameter.Parse(identifier);
            query = token.System switch
            {
                AnnuaireFhir.IdNatPs => query.Where(x => x.Key == token.Value),
                AnnuaireFhir.Rpps => query.Where(x => x.IdType == ProfessionalIds.RppsType && x.Identifier == token.Value),
                null or "" => query.Where(x => x.Key == token.Value || x.Identifier == token.Value),
                _ => throw DirectorySearch.Invalid("identifier", $"takes the systems {AnnuaireFhir.IdNatPs} and {AnnuaireFhir.Rpps}"),
            };
        }

        if (search.Key("family") is { } family)
        {
            var upper = SearchText.PrefixUpperBound(family);
            query = query.Where(x => string.Compare(x.FamilyKey, family) >= 0 && string.Compare(x.FamilyKey, upper) < 0);
        }

        if (search.Key("given") is { } given)
        {
            var upper = SearchText.PrefixUpperBound(given);
            query = query.Where(x => string.Compare(x.GivenKey, given) >= 0 && string.Compare(x.GivenKey, upper) < 0);
        }

        if (search.Key("name") is { } name)
        {
            var upper = SearchText.PrefixUpperBound(name);
            query = query.Where(x => (string.Compare(x.FamilyKey, name) >= 0 && string.Compare(x.FamilyKey, upper) < 0)
                || (string.Compare(x.GivenKey, name) >= 0 && string.Compare(x.GivenKey, upper) < 0));
        }

        if (search.Code("role", AnnuaireFhir.Profession) is { } profession)
        {
            query = query.Where(x => activities.Any(a => a.IdNat == x.Key && a.ProfessionCode == profession));
        }

        if (search.Query.Get("specialty") is { } specialtyText)
        {
            var specialty = TokenParameter.Parse(specialtyText).Value;
            query = query.Where(x => activities.Any(a => a.IdNat == x.Key && a.SavoirFaireCode == specialty)
                || db.Specialties.Any(s => s.IdNat == x.Key && s.ValidTo == null && s.Code == specialty));
        }

        if (search.Query.Get("mailbox-mss") is { } mailbox)
        {
            var key = MailboxAddress.Key(mailbox);
            query = query.Where(x => db.Mailboxes.Any(m => m.Key == key && m.ValidTo == null && m.IdNatPs == x.Key));
        }

        // Name searches walk the name index in result order; the others are few rows, ordered by id.
        var byName = search.Query.Get("family") is not null || search.Query.Get("name") is not null;
        var ordered = byName ? query.OrderBy(x => x.FamilyKey).ThenBy(x => x.GivenKey).ThenBy(x => x.Id) : query.OrderBy(x => x.Id);
        var rows = await ordered.Skip(search.Offset).Take(search.Count + 1).ToListAsync(cancellationToken);
        var hasNext = rows.Count > search.Count;
        var page = rows.Take(search.Count).ToList();
        int? total = search.WantsTotal ? await query.CountAsync(cancellationToken) : null;

        var entries = new List<BundleEntry>();
        var baseUrl = FhirUrls.Base(request);
        entries.AddRange((await ToResourcesAsync(db, page, cancellationToken)).Select(r => DirectoryBundles.Entry(baseUrl, r, "match")));
        if (revIncludes.Contains(RevIncludeRoles) && page.Count > 0)
        {
            var keys = page.Select(p => p.Key).ToList();
            var roles = await db.Activities.AsNoTracking().Where(a => a.ValidTo == null && keys.Contains(a.IdNat!)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
            entries.AddRange(roles.Select(r => DirectoryBundles.Entry(baseUrl, DirectoryResources.PractitionerRole(r), "include")));
        }

        await audit.RecordAsync(new AuditEvent("directory.search", "Practitioner", null, null, AuditOutcome.Success, $"{page.Count} matches"), cancellationToken);
        return new FhirResult(DirectoryBundles.Searchset(request, $"{baseUrl}/Practitioner", search, hasNext, total, entries));
    }

    /// <summary>
    /// The page's professionals with their qualifications and mailboxes. The four kinds of detail come back in one
    /// UNION ALL round trip, whatever the page size: a search costs two queries, not five.
    /// </summary>
    private static async Task<List<Practitioner>> ToResourcesAsync(DirectoryDbContext db, List<PersonRecord> persons, CancellationToken cancellationToken)
    {
        var keys = persons.Select(p => p.Key).ToList();
        var rows = await db.Activities.Where(a => a.ValidTo == null && keys.Contains(a.IdNat!))
                .Select(a => new DetailRow { Kind = 1, Owner = a.IdNat, A = a.ProfessionCode, B = a.ProfessionLabel, C = a.CategoryCode, D = a.CategoryLabel })
            .Concat(db.Specialties.Where(x => x.ValidTo == null && keys.Contains(x.IdNat!))
                .Select(x => new DetailRow { Kind = 2, Owner = x.IdNat, A = x.TypeCode, B = x.Code, C = x.Label, D = x.ProfessionCode }))
            .Concat(db.Diplomas.Where(x => x.ValidTo == null && keys.Contains(x.IdNat!))
                .Select(x => new DetailRow { Kind = 3, Owner = x.IdNat, A = x.DiplomaCode, B = x.DiplomaLabel, C = x.DiplomaTypeCode, D = x.DiplomaTypeLabel }))
            .Concat(db.Mailboxes.Where(x => x.ValidTo == null && x.RedList != "1" && keys.Contains(x.IdNatPs!))
                .Select(x => new DetailRow { Kind = 4, Owner = x.IdNatPs, A = x.Address, B = x.Type, C = x.Service, D = x.Dematerialisation }))
            .ToListAsync(cancellationToken);
        var byOwner = rows.ToLookup(r => (r.Owner, r.Kind));
        return persons.Select(p => DirectoryResources.Practitioner(
            p,
            byOwner[(p.Key, 1)].Select(r => new ActivityRecord { Key = string.Empty, IdNat = p.Key, ProfessionCode = r.A, ProfessionLabel = r.B, CategoryCode = r.C, CategoryLabel = r.D }),
            byOwner[(p.Key, 2)].Select(r => new SpecialtyRecord { Key = string.Empty, IdNat = p.Key, TypeCode = r.A, Code = r.B, Label = r.C, ProfessionCode = r.D }),
            byOwner[(p.Key, 3)].Select(r => new DiplomaRecord { Key = string.Empty, IdNat = p.Key, DiplomaCode = r.A, DiplomaLabel = r.B, DiplomaTypeCode = r.C, DiplomaTypeLabel = r.D }),
            byOwner[(p.Key, 4)].Select(r => new MailboxRecord { Key = string.Empty, IdNatPs = p.Key, Address = r.A, Type = r.B, Service = r.C, Dematerialisation = r.D }))).ToList();
    }

    /// <summary>One detail of a professional in the UNION ALL: 1 activity, 2 savoir-faire, 3 diploma, 4 mailbox.</summary>
    private sealed class DetailRow
    {
        public int Kind { get; init; }

        public string? Owner { get; init; }

        public string? A { get; init; }

        public string? B { get; init; }

        public string? C { get; init; }

        public string? D { get; init; }
    }
}
