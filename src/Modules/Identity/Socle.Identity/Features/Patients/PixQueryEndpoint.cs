using Microsoft.EntityFrameworkCore;
using Socle.BuildingBlocks.Errors;
using Socle.Identity.Domain.Local;
using Socle.Identity.Storage;

namespace Socle.Identity.Features.Patients;

/// <summary>
/// GET /fhir/Patient/$ihe-pix (IHE PIXm ITI-83): the other identifiers of the same person. Identities are linked
/// across organisations only through the INS of qualified identities.
/// </summary>
internal static class PixQueryEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/fhir/Patient/$ihe-pix", HandleAsync)
            .RequireScope(IdentityScopes.Read)
            .WithName("PixQuery")
            .WithSummary("PIXm: cross-reference the identifiers of one person");

    private static async Task<IResult> HandleAsync(HttpRequest request, IdentityDbContext db, ICallerContext caller, IAuditTrail audit)
    {
        var q = new QueryParameters(request, "sourceIdentifier", "targetSystem", "_format");
        var source = q.Get("sourceIdentifier") ?? throw TraitValidation.Missing("sourceIdentifier");
        var (system, value) = TokenParameter.Parse(source);
        if (string.IsNullOrEmpty(system) || value.Length == 0)
        {
            throw CommonErrors.InvalidParameter.WithMessage("sourceIdentifier is system|value.").ToException();
        }

        var targetSystems = q.Get("targetSystem")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var cancellationToken = request.HttpContext.RequestAborted;
        var active = db.LocalIdentities.AsNoTracking().Where(x => x.MergedIntoId == null);

        var oid = InsOids.OidOf(system);
        List<LocalIdentity> found;
        if (oid is not null && InsOids.IsInsOid(oid))
        {
            TraitValidation.Ins(system, value);
            found = await active.Where(x => x.Ins == value && x.InsOid == oid && x.StatusCode == "QUAL").ToListAsync(cancellationToken);
        }
        else
        {
            found = await active.Where(x => x.IppSystem == system && x.Ipp == value).ToListAsync(cancellationToken);
        }

        if (found.Count == 0)
        {
            throw IdentityErrors.SourceIdentifierUnknown.WithMessage($"No active identity is known under {system}|{value}.").ToException();
        }

        var qualified = found.FirstOrDefault(x => x.MayShareIns);
        var person = qualified is null
            ? found
            : await active.Where(x => x.Ins == qualified.Ins && x.InsOid == qualified.InsOid && x.StatusCode == "QUAL").ToListAsync(cancellationToken);
        foreach (var extra in found.Where(f => person.All(p => p.Id != f.Id)))
        {
            person.Add(extra);
        }

        var parameters = new List<ParametersParameter>();
        if (qualified is not null)
        {
            parameters.Add(new ParametersParameter { Name = "targetIdentifier", ValueIdentifier = PatientMapper.Ins(qualified.Ins!, qualified.InsOid!) });
        }

        foreach (var identity in person.OrderBy(p => p.Organisation, StringComparer.Ordinal).ThenBy(p => p.Id))
        {
            parameters.Add(new ParametersParameter { Name = "targetIdentifier", ValueIdentifier = PatientMapper.Ipp(identity) });
            if (identity.Organisation == caller.Organisation)
            {
                parameters.Add(new ParametersParameter { Name = "targetId", ValueReference = new Reference { ReferenceValue = $"Patient/{identity.Id:N}" } });
            }
        }

        // PIXm returns the other identifiers: the one asked about is left out, and targetSystem filters.
        parameters = parameters.Where(p => p.ValueIdentifier is not { } id
                || (!(id.System == system && id.Value == value) && (targetSystems is null || targetSystems.Contains(id.System))))
            .Where(p => targetSystems is null || p.Name != "targetId")
            .ToList();
        await audit.RecordAllAsync("identity.pix", person, cancellationToken);
        return new FhirResult(new Parameters { Parameter = parameters });
    }
}
