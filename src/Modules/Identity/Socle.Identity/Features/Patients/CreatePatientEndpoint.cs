using Socle.Identity.Domain.Local;

namespace Socle.Identity.Features.Patients;

/// <summary>POST /fhir/Patient: a new identity in the caller organisation's repository (status PROV).</summary>
internal static class CreatePatientEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/fhir/Patient", HandleAsync)
            .RequireScope(IdentityScopes.Write)
            .WithName("CreatePatient")
            .WithSummary("Create a local identity; possible duplicates come back as warnings");

    private static async Task<IResult> HandleAsync(
        HttpRequest request, LocalIdentityStore store, DuplicateFinder duplicates, ICallerContext caller, IAuditTrail audit, TimeProvider clock)
    {
        var patient = await FhirRequest.ReadAsync<Patient>(request);
        var input = PatientReader.Read(patient, clock);
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var identity = new LocalIdentity
        {
            Id = id,
            Organisation = caller.Organisation,
            IppSystem = input.Ipp?.System ?? DefaultIppSystem(caller.Organisation),
            Ipp = input.Ipp?.Value ?? id.ToString("N"),
        };
        PatientWrites.Apply(identity, input);
        var candidates = await duplicates.FindAsync(caller.Organisation, DuplicateFinder.ProbeOf(identity), null, PatientWrites.MaxDuplicateWarnings, request.HttpContext.RequestAborted);
        store.Add(identity);
        await store.SaveAsync(request.HttpContext.RequestAborted);
        await audit.RecordAsync("identity.create", identity, request.HttpContext.RequestAborted, candidates.Count > 0 ? $"{candidates.Count} duplicate candidate(s)" : null);
        return PatientWrites.Respond(request, identity, candidates, StatusCodes.Status201Created);
    }

    /// <summary>The IPP namespace Socle assigns when the client sends no local identifier of its own.</summary>
    public static string DefaultIppSystem(string organisation) => $"urn:socle:ipp:{organisation}";
}
