using Microsoft.EntityFrameworkCore;
using Socle.Directory.Domain;
using Socle.Directory.Fhir;
using Socle.Directory.Storage;

namespace Socle.Directory.Features;

/// <summary>GET /fhir/Organization: structures (FINESS sites, practices) with their MSSanté mailboxes.</summary>
internal static class OrganizationEndpoints
{
    public static readonly string[] Parameters = ["identifier", "name", "address-city", "address-postalcode", "mailbox-mss"];
    private const string RevIncludeRoles = "PractitionerRole:organization";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/fhir/Organization", SearchAsync).RequireScope(DirectoryScopes.Read).WithName("SearchOrganizations").WithSummary("Search structures");
        routes.MapGet("/fhir/Organization/{id}", ReadAsync).RequireScope(DirectoryScopes.Read).WithName("ReadOrganization").WithSummary("Read a structure");
    }

    private static async Task<IResult> ReadAsync(string id, HttpRequest request, DirectoryDbContext db, IAuditTrail audit)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var structure = await db.Structures.AsNoTracking().Where(x => x.Key == id).LatestFirst()
            .FirstOrDefaultAsync(cancellationToken) ?? throw DirectoryErrors.NotFound.WithMessage($"No Organization '{id}' in the directory.").ToException();
        var mailboxes = await MailboxesAsync(db, [structure], cancellationToken);
        await audit.RecordAsync(new AuditEvent("directory.read", "Organization", id, null, AuditOutcome.Success), cancellationToken);
        return new FhirResult(DirectoryResources.Organization(structure, mailboxes[structure.IdNat]));
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, DirectoryDbContext db, IAuditTrail audit)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var search = new DirectorySearch(request, Parameters, ["_revinclude"]);
        var revIncludes = search.Includes("_revinclude", RevIncludeRoles);
        var query = search.Versions(db.Structures.AsNoTracking());
        if (search.Query.Get("_id") is { } id)
        {
            query = query.Where(x => x.Key == id);
        }

        if (search.Query.Get("identifier") is { } identifier)
        {
            var token = TokenParameter.Parse(identifier);
            query = token.System switch
            {
                AnnuaireFhir.IdNatStruct => query.Where(x => x.IdNat == token.Value),
                AnnuaireFhir.Finess => query.Where(x => x.FinessSite == token.Value || x.FinessLegal == token.Value),
                AnnuaireFhir.Sirene => query.Where(x => x.Siret == token.Value || x.Siren == token.Value),
                null or "" => query.Where(x => x.IdNat == token.Value || x.FinessSite == token.Value || x.FinessLegal == token.Value || x.Siret == token.Value),
                _ => throw DirectorySearch.Invalid("identifier", $"takes the systems {AnnuaireFhir.IdNatStruct}, {AnnuaireFhir.Finess} and {AnnuaireFhir.Sirene}"),
            };
        }

        // Results follow the index of the most selective text filter, so that a page stops early.
        Func<IQueryable<StructureRecord>, IOrderedQueryable<StructureRecord>> order = q => q.OrderBy(x => x.Id);
        if (search.Key("name") is { } name)
        {
            var upper = SearchText.PrefixUpperBound(name);
            query = query.Where(x => string.Compare(x.NameKey, name) >= 0 && string.Compare(x.NameKey, upper) < 0);
            order = q => q.OrderBy(x => x.NameKey).ThenBy(x => x.Id);
        }

        else if (search.Key("address-city") is not null)
        {
            order = q => q.OrderBy(x => x.CityKey).ThenBy(x => x.Id);
        }

        if (search.Key("address-city") is { } cityKey)
        {
            var upper = SearchText.PrefixUpperBound(cityKey);
            query = query.Where(x => string.Compare(x.CityKey, cityKey) >= 0 && string.Compare(x.CityKey, upper) < 0);
        }

        if (search.Query.Get("address-postalcode") is { } postalCode)
        {
            var upper = SearchText.PrefixUpperBound(postalCode);
            query = query.Where(x => string.Compare(x.PostalCode, postalCode) >= 0 && string.Compare(x.PostalCode, upper) < 0);
            if (search.Key("name") is null && search.Key("address-city") is null)
            {
                order = q => q.OrderBy(x => x.PostalCode).ThenBy(x => x.Id);
            }
        }

        if (search.Query.Get("mailbox-mss") is { } mailbox)
        {
            var key = MailboxAddress.Key(mailbox);
            query = query.Where(x => db.Mailboxes.Any(m => m.Key == key && m.ValidTo == null && m.StructureId == x.IdNat));
        }

        var rows = await order(query).Skip(search.Offset).Take(search.Count + 1).ToListAsync(cancellationToken);
        var hasNext = rows.Count > search.Count;
        var page = rows.Take(search.Count).ToList();
        int? total = search.WantsTotal ? await query.CountAsync(cancellationToken) : null;

        var baseUrl = FhirUrls.Base(request);
        var mailboxes = await MailboxesAsync(db, page, cancellationToken);
        var entries = page.Select(s => DirectoryBundles.Entry(baseUrl, DirectoryResources.Organization(s, mailboxes[s.IdNat]), "match")).ToList();
        if (revIncludes.Contains(RevIncludeRoles) && page.Count > 0)
        {
            var keys = page.Select(s => s.Key).ToList();
            var roles = await db.Activities.AsNoTracking().Where(a => a.ValidTo == null && keys.Contains(a.StructureKey!)).OrderBy(a => a.Id).Take(1_000).ToListAsync(cancellationToken);
            entries.AddRange(roles.Select(r => DirectoryBundles.Entry(baseUrl, DirectoryResources.PractitionerRole(r), "include")));
        }

        await audit.RecordAsync(new AuditEvent("directory.search", "Organization", null, null, AuditOutcome.Success, $"{page.Count} matches"), cancellationToken);
        return new FhirResult(DirectoryBundles.Searchset(request, $"{baseUrl}/Organization", search, hasNext, total, entries));
    }

    private static async Task<ILookup<string?, MailboxRecord>> MailboxesAsync(DirectoryDbContext db, List<StructureRecord> structures, CancellationToken cancellationToken)
    {
        var ids = structures.Where(s => s.IdNat != null).Select(s => s.IdNat!).Distinct().ToList();
        var rows = await db.Mailboxes.AsNoTracking().Where(m => m.ValidTo == null && m.RedList != "1" && m.Type != "PER" && ids.Contains(m.StructureId!)).ToListAsync(cancellationToken);
        return rows.ToLookup(m => m.StructureId);
    }
}
