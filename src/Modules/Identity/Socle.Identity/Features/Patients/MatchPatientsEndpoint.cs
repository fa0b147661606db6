using Socle.Identity.Domain.Matching;

namespace Socle.Identity.Features.Patients;

/// <summary>POST /fhir/Patient/$match (IHE PDQm ITI-119): scored candidates, a dry run that writes nothing.</summary>
internal static class MatchPatientsEndpoint
{
    /// <summary>Socle's extension on a match entry listing the traits that agreed.</summary>
    public const string MatchedTraitsExtension = "urn:socle:fhir:extension:matched-traits";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/fhir/Patient/$match", HandleAsync)
            .RequireScope(IdentityScopes.Read)
            .WithName("MatchPatients")
            .WithSummary("Patient $match: duplicate candidates with score, grade and agreeing traits");

    private static async Task<IResult> HandleAsync(HttpRequest request, DuplicateFinder finder, ICallerContext caller, IAuditTrail audit, TimeProvider clock)
    {
        var input = new ParametersReader(await FhirRequest.ReadAsync<Parameters>(request), "resource", "count", "onlyCertainMatches", "onlySingleMatch");
        var patient = input.Resource<Patient>("resource") ?? throw TraitValidation.Missing("resource");
        var count = input.Integer("count") ?? 10;
        if (count is < 1 or > 50)
        {
            throw BuildingBlocks.Errors.CommonErrors.InvalidParameter.WithMessage("count must be from 1 to 50.").ToException();
        }

        var onlyCertain = input.Boolean("onlyCertainMatches") ?? false;
        var traits = PatientReader.Read(patient, clock).Traits;
        var probe = new MatchProbe(InsName.Key(traits.BirthFamilyName), null, InsName.Key(traits.BirthGivenNames), traits.BirthDate, traits.Gender, traits.Birthplace);
        var candidates = (await finder.FindAsync(caller.Organisation, probe, null, count, request.HttpContext.RequestAborted))
            .Where(c => !onlyCertain || c.Match.Grade == "certain")
            .ToList();
        await audit.RecordAllAsync("identity.match", candidates.Select(c => c.Identity), request.HttpContext.RequestAborted);

        var baseUrl = FhirUrls.Base(request);
        return new FhirResult(new Bundle
        {
            Type = "searchset",
            Total = candidates.Count,
            Entry = candidates.Select(c => new BundleEntry
            {
                FullUrl = $"{baseUrl}/Patient/{c.Identity.Id:N}",
                Resource = PatientMapper.FromLocal(c.Identity),
                Search = new BundleEntrySearch
                {
                    Mode = "match",
                    Score = (decimal)c.Match.Score,
                    Extension =
                    [
                        new Extension { Url = FrCore.MatchGrade, ValueCode = c.Match.Grade },
                        new Extension { Url = MatchedTraitsExtension, ValueString = string.Join(' ', c.Match.AgreedTraits) },
                    ],
                },
            }).ToList(),
        });
    }
}
