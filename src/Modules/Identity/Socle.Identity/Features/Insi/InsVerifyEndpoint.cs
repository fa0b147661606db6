namespace Socle.Identity.Features.Insi;

/// <summary>POST /fhir/Patient/$ins-verify: the INSi "vérification" of a stored INS and its traits.</summary>
internal static class InsVerifyEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/fhir/Patient/$ins-verify", HandleAsync)
            .RequireScope(IdentityScopes.Ins)
            .WithName("InsVerify")
            .WithSummary("INSi: verify an INS against its traits (result, and one mismatch per differing trait)");

    private static async Task<IResult> HandleAsync(HttpRequest request, InsiTeleservice insi, IAuditTrail audit, IdentityMetrics metrics, TimeProvider clock)
    {
        var input = new ParametersReader(await FhirRequest.ReadAsync<Parameters>(request), ["ins", .. InsiTraitsReader.Names]);
        var ins = input.Identifier("ins") ?? throw TraitValidation.Missing("ins");
        var oid = TraitValidation.Ins(ins.System, ins.Value);
        var traits = InsiTraitsReader.Read(input, clock);

        var reference = await insi.FindAsync(ins.Value!, oid, request.HttpContext.RequestAborted);
        IReadOnlyList<string> mismatches = reference is null ? ["ins"] : InsiTeleservice.Mismatches(reference, traits);
        var result = mismatches.Count == 0;
        metrics.InsiCall("verify", result ? "match" : "mismatch");
        await audit.RecordAsync(
            new AuditEvent("identity.ins-verify", "ReferenceIdentity", reference?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, AuditOutcome.Success, result ? "match" : "mismatch"),
            request.HttpContext.RequestAborted);

        var output = new List<ParametersParameter> { new() { Name = "result", ValueBoolean = result } };
        output.AddRange(mismatches.Select(m => new ParametersParameter { Name = "mismatch", ValueString = m }));
        return new FhirResult(new Parameters { Parameter = output });
    }
}
