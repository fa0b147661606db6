using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Socle.Audit.Contracts;
using Socle.BuildingBlocks.Fhir;
using Socle.BuildingBlocks.Security;
using Socle.Identity.Contracts;
using Socle.Identity.Features.Shared;
using Socle.Identity.Fhir;

namespace Socle.Identity.Features.Patients;

internal static class ReadPatientEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/fhir/Patient/{id}", HandleAsync)
            .RequireScope(IdentityScopes.Read)
            .WithName("ReadPatient")
            .WithSummary("Read an identity of the caller organisation's repository");

    private static async Task<IResult> HandleAsync(string id, HttpRequest request, LocalIdentityStore store, IAuditTrail audit)
    {
        var identity = await store.GetOwnAsync(id, request.HttpContext.RequestAborted);
        await audit.RecordAsync("identity.read", identity, request.HttpContext.RequestAborted);
        return new FhirResult(PatientMapper.FromLocal(identity));
    }
}
