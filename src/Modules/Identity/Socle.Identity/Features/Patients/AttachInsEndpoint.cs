using Microsoft.EntityFrameworkCore;
using Socle.Identity.Features.Insi;

namespace Socle.Identity.Features.Patients;

/// <summary>POST /fhir/Patient/{id}/$attach-ins: the INSi traits replace the local ones (status RECUP, or QUAL if validated).</summary>
internal static class AttachInsEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/fhir/Patient/{id}/$attach-ins", HandleAsync)
            .RequireScope(IdentityScopes.Write)
            .WithName("AttachIns")
            .WithSummary("Attach the INS and traits of an INSi result (retrieval-id) to a local identity");

    private static async Task<IResult> HandleAsync(
        string id, HttpRequest request, LocalIdentityStore store, RetrievalIds retrievalIds, InsiTeleservice insi, ICallerContext caller, IAuditTrail audit, TimeProvider clock)
    {
        var input = new ParametersReader(await FhirRequest.ReadAsync<Parameters>(request), "retrieval-id");
        var retrievalId = input.Text("retrieval-id") ?? throw TraitValidation.Missing("retrieval-id");
        var cancellationToken = request.HttpContext.RequestAborted;
        var identity = await store.GetOwnAsync(id, cancellationToken);
        var referenceId = await retrievalIds.ReadAsync(retrievalId, caller.Organisation, cancellationToken)
            ?? throw IdentityErrors.InvalidRetrievalId.ToException();
        var reference = await insi.FindAsync(referenceId, cancellationToken) ?? throw IdentityErrors.InvalidRetrievalId.ToException();

        var holder = await store.Db.LocalIdentities.AsNoTracking()
            .AnyAsync(x => x.Organisation == caller.Organisation && x.Id != identity.Id && x.MergedIntoId == null && x.Ins == reference.Nir && x.InsOid == reference.Oid, cancellationToken);
        if (holder)
        {
            throw IdentityErrors.InsAlreadyAttached.ToException();
        }

        var before = identity.StatusCode;
        identity.AttachIns(reference, clock.GetUtcNow().ToUnixTimeMilliseconds());
        store.Record(identity, $"ins-attached ({before} to {identity.StatusCode})");
        await store.SaveAsync(cancellationToken);
        await audit.RecordAsync("identity.attach-ins", identity, cancellationToken, identity.StatusCode);
        return new FhirResult(PatientMapper.FromLocal(identity));
    }
}
