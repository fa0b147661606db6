namespace Socle.Identity.Features.Insi;

/// <summary>POST /fhir/Patient/$ins-retrieve: the INSi "récupération" by traits or by Vitale card data.</summary>
internal static class InsRetrieveEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/fhir/Patient/$ins-retrieve", HandleAsync)
            .RequireScope(IdentityScopes.Ins)
            .WithName("InsRetrieve")
            .WithSummary("INSi: retrieve the INS and traits of one person (result-code 00, 01 or 02)");

    private static async Task<IResult> HandleAsync(
        HttpRequest request, InsiTeleservice insi, RetrievalIds retrievalIds, IAuditTrail audit, ICallerContext caller, IdentityMetrics metrics, TimeProvider clock)
    {
        var input = new ParametersReader(await FhirRequest.ReadAsync<Parameters>(request), [.. InsiTraitsReader.Names, "vitale-card"]);
        var query = ReadQuery(input, clock);
        var (code, identity) = await insi.RetrieveAsync(query, request.HttpContext.RequestAborted);
        metrics.InsiCall("retrieve", code);
        await audit.RecordAsync(
            new AuditEvent("identity.ins-retrieve", "ReferenceIdentity", identity?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, AuditOutcome.Success, "result-code " + code),
            request.HttpContext.RequestAborted);

        var output = new List<ParametersParameter> { new() { Name = "result-code", ValueCode = code } };
        if (identity is not null)
        {
            output.Add(new ParametersParameter { Name = "patient", Resource = PatientMapper.FromReference(identity) });
            output.Add(new ParametersParameter { Name = "retrieval-id", ValueString = await retrievalIds.IssueAsync(identity.Id, caller.Organisation, request.HttpContext.RequestAborted) });
        }

        return new FhirResult(new Parameters { Parameter = output });
    }

    private static InsiQuery ReadQuery(ParametersReader input, TimeProvider clock)
    {
        if (input.Has("vitale-card"))
        {
            if (InsiTraitsReader.Names.Any(input.Has))
            {
                throw IdentityErrors.InvalidTraitsForInsi.WithMessage("Give either the traits or the vitale-card parameter, not both.").ToException();
            }

            var card = new ParametersReader(input.Parts("vitale-card"), "nir", "birthdate", "birth-rank");
            var nir = card.Text("nir") ?? throw TraitValidation.Missing("vitale-card.nir");
            var nirError = Nir.Validate(nir);
            if (nirError is not null)
            {
                throw IdentityErrors.InvalidNir.WithMessage($"The NIR of the Vitale card is invalid: {nirError}.").ToException();
            }

            return new InsiQuery(null, nir, TraitValidation.BirthDate(card.Text("birthdate") ?? throw TraitValidation.Missing("vitale-card.birthdate"), clock));
        }

        return new InsiQuery(InsiTraitsReader.Read(input, clock), null, null);
    }
}
