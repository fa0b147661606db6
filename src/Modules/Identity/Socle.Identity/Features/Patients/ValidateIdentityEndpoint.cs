namespace Socle.Identity.Features.Patients;

/// <summary>POST /fhir/Patient/{id}/$validate-identity: the identity was checked on a high-trust document (VALI, or QUAL if from INSi).</summary>
internal static class ValidateIdentityEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/fhir/Patient/{id}/$validate-identity", HandleAsync)
            .RequireScope(IdentityScopes.Write)
            .WithName("ValidateIdentity")
            .WithSummary("Record the check of the identity against a high-trust document");

    private static async Task<IResult> HandleAsync(string id, HttpRequest request, LocalIdentityStore store, IAuditTrail audit, TimeProvider clock)
    {
        var input = new ParametersReader(await FhirRequest.ReadAsync<Parameters>(request), "document-type");
        var document = input.Text("document-type") ?? throw TraitValidation.Missing("document-type");
        if (!HighTrustDocuments.IsKnown(document))
        {
            throw IdentityErrors.UnknownDocumentType.WithMessage(
                $"'{document}' is not a high-trust document type; use one of {string.Join(", ", HighTrustDocuments.Codes)}.").ToException();
        }

        var identity = await store.GetOwnAsync(id, request.HttpContext.RequestAborted);
        var before = identity.StatusCode;
        identity.ValidateWithDocument(document, clock.GetUtcNow().ToUnixTimeMilliseconds());
        store.Record(identity, $"validated with {document} ({before} to {identity.StatusCode})");
        await store.SaveAsync(request.HttpContext.RequestAborted);
        await audit.RecordAsync("identity.validate", identity, request.HttpContext.RequestAborted, identity.StatusCode);
        return new FhirResult(PatientMapper.FromLocal(identity));
    }
}
