using System.Globalization;
using Socle.BuildingBlocks.Errors;

namespace Socle.Identity.Features.Patients;

/// <summary>PUT /fhir/Patient/{id}: new traits; a strict-trait change of a RECUP/QUAL identity drops the INSi fact.</summary>
internal static class UpdatePatientEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/fhir/Patient/{id}", HandleAsync)
            .RequireScope(IdentityScopes.Write)
            .WithName("UpdatePatient")
            .WithSummary("Update a local identity (If-Match supported)");

    private static async Task<IResult> HandleAsync(
        string id, HttpRequest request, LocalIdentityStore store, DuplicateFinder duplicates, ICallerContext caller, IAuditTrail audit, TimeProvider clock)
    {
        var patient = await FhirRequest.ReadAsync<Patient>(request);
        if (patient.Id is not null && patient.Id != id)
        {
            throw CommonErrors.InvalidParameter.WithMessage($"The resource id '{patient.Id}' differs from the address Patient/{id}.").ToException();
        }

        var input = PatientReader.Read(patient, clock);
        var identity = await store.GetOwnAsync(id, request.HttpContext.RequestAborted);
        CheckVersion(request, identity.Version);
        if (identity.IsMerged)
        {
            throw IdentityErrors.MergedIdentity.ToException();
        }

        if (input.Ipp is { } ipp && (ipp.System != identity.IppSystem || ipp.Value != identity.Ipp))
        {
            throw IdentityErrors.IppIsImmutable.ToException();
        }

        var before = identity.StatusCode;
        PatientWrites.Apply(identity, input);
        store.Record(identity, before == identity.StatusCode ? "updated" : $"updated ({before} to {identity.StatusCode})");
        var candidates = await duplicates.FindAsync(caller.Organisation, DuplicateFinder.ProbeOf(identity), identity.Id, PatientWrites.MaxDuplicateWarnings, request.HttpContext.RequestAborted);
        await store.SaveAsync(request.HttpContext.RequestAborted);
        await audit.RecordAsync("identity.update", identity, request.HttpContext.RequestAborted);
        return PatientWrites.Respond(request, identity, candidates, StatusCodes.Status200OK);
    }

    private static void CheckVersion(HttpRequest request, int current)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        if (ifMatch.Length == 0)
        {
            return;
        }

        var version = ifMatch.Replace("W/", string.Empty, StringComparison.Ordinal).Trim('"');
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var expected) || expected != current)
        {
            throw IdentityErrors.VersionConflict.WithMessage($"If-Match {ifMatch} does not match the current version {current}.").ToException();
        }
    }
}
