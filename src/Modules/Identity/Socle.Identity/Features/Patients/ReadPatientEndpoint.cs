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
