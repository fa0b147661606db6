using Microsoft.EntityFrameworkCore;
using Socle.Directory.Domain;
using Socle.Directory.Fhir;
using Socle.Directory.Storage;

namespace Socle.Directory.Features;

/// <summary>GET /fhir/PractitionerRole: activities (situations d'exercice) of professionals at structures.</summary>
internal static class PractitionerRoleEndpoints
{
    public static readonly string[] Parameters = ["practitioner", "organization", "role", "specialty"];
    private const string IncludePractitioner = "PractitionerRole:practitioner";
    private const string IncludeOrganization = "PractitionerRole:organization";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/fhir/PractitionerRole", SearchAsync).RequireScope(DirectoryScopes.Read).WithName("SearchPractitionerRoles").WithSummary("Search activities");
        routes.MapGet("/fhir/PractitionerRole/{id}", ReadAsync).RequireScope(DirectoryScopes.Read).WithName("ReadPractitionerRole").WithSummary("Read an activity");
    }

    private static async Task<IResult> ReadAsync(string id, HttpRequest request, DirectoryDbContext db, IAuditTrail audit)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var activity = await db.Activities.AsNoTracking().Where(x => x.PublicId == id).LatestFirst()
            .FirstOrDefaultAsync(cancellationToken) ?? throw DirectoryErrors.NotFound.WithMessage($"No PractitionerRole '{id}' in the directory.").ToException();
        await audit.RecordAsync(new AuditEvent("directory.read", "PractitionerRole", id, null, AuditOutcome.Success), cancellationToken);
        return new FhirResult(DirectoryResources.PractitionerRole(activity));
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, DirectoryDbContext db, IAuditTrail audit)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var search = new DirectorySearch(request, Parameters, ["_include"]);
        var includes = search.Includes("_include", IncludePractitioner, IncludeOrganization);
        var query = search.Versions(db.Activities.AsNoTracking());
        if (search.Query.Get("_id") is { } id)
        {
            query = query.Where(x => x.PublicId == id);
        }

        if (search.ReferenceId("practitioner", "Practitioner") is { } practitioner)
        {
            var idNat = ProfessionalIds.ToIdNat(practitioner);
            query = query.Where(x => x.IdNat == idNat);
        }

        if (search.ReferenceId("organization", "Organization") is { } organization)
        {
            query = query.Where(x => x.StructureKey == organization);
        }

        if (search.Code("role", AnnuaireFhir.Profession) is { } profession)
        {
            query = query.Where(x => x.ProfessionCode == profession);
        }

        if (search.Query.Get("specialty") is { } specialtyText)
        {
            var specialty = TokenParameter.Parse(specialtyText).Value;
            query = query.Where(x => x.SavoirFaireCode == specialty || x.PharmacistSectionCode == specialty);
        }

        var rows = await query.OrderBy(x => x.Id).Skip(search.Offset).Take(search.Count + 1).ToListAsync(cancellationToken);
        var hasNext = rows.Count > search.Count;
        var page = rows.Take(search.Count).ToList();
        int? total = search.WantsTotal ? await query.CountAsync(cancellationToken) : null;

        var baseUrl = FhirUrls.Base(request);
        var entries = page.Select(a => DirectoryBundles.Entry(baseUrl, DirectoryResources.PractitionerRole(a), "match")).ToList();
        if (includes.Contains(IncludePractitioner) && page.Count > 0)
        {
            var keys = page.Select(a => a.IdNat!).Distinct().ToList();
            var persons = await db.Persons.AsNoTracking().Where(p => p.ValidTo == null && keys.Contains(p.Key)).ToListAsync(cancellationToken);
            entries.AddRange(persons.Select(p => DirectoryBundles.Entry(baseUrl, DirectoryResources.Practitioner(p, page.Where(a => a.IdNat == p.Key), [], [], []), "include")));
        }

        if (includes.Contains(IncludeOrganization) && page.Count > 0)
        {
            var keys = page.Where(a => a.StructureKey != null).Select(a => a.StructureKey!).Distinct().ToList();
            var structures = await db.Structures.AsNoTracking().Where(s => s.ValidTo == null && keys.Contains(s.Key)).ToListAsync(cancellationToken);
            entries.AddRange(structures.Select(s => DirectoryBundles.Entry(baseUrl, DirectoryResources.Organization(s, []), "include")));
        }

        await audit.RecordAsync(new AuditEvent("directory.search", "PractitionerRole", null, null, AuditOutcome.Success, $"{page.Count} matches"), cancellationToken);
        return new FhirResult(DirectoryBundles.Searchset(request, $"{baseUrl}/PractitionerRole", search, hasNext, total, entries));
    }
}
