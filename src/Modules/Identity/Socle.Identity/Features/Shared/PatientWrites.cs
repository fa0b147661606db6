using System.Text.Json;
using Socle.BuildingBlocks.Errors;
using Socle.Identity.Domain.Local;
using Socle.Identity.Domain.Matching;

namespace Socle.Identity.Features.Shared;

/// <summary>What create and update share: applying a client's Patient, and answering with duplicate warnings.</summary>
internal static class PatientWrites
{
    public const int MaxDuplicateWarnings = 5;

    public static void Apply(LocalIdentity identity, PatientInput input)
    {
        // Attributes first: a doubtful or fictitious identity must stay provisional whatever the traits say.
        identity.UsedFamilyName = input.UsedFamilyName;
        identity.UsedGivenName = input.UsedGivenName;
        identity.SetTraits(input.Traits);
        identity.SetAttributes(input.Doubtful, input.Fictitious, input.Homonym);
        identity.TelecomJson = input.Telecom is { Count: > 0 } t ? JsonSerializer.Serialize(t, IdentityJsonContext.Default.ListContactPoint) : null;
        identity.AddressJson = input.Address is { Count: > 0 } a ? JsonSerializer.Serialize(a, IdentityJsonContext.Default.ListAddress) : null;
        identity.PostalCode = input.Address?.Select(x => x.PostalCode).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p))?.Trim();
        if (identity.PostalCode is { Length: > 10 })
        {
            throw CommonErrors.InvalidParameter.WithMessage("The postal code is longer than 10 characters.").ToException();
        }
    }

    /// <summary>
    /// Answers a create or update as FHIR <c>Prefer</c> asks: representation (the Patient), minimal (no body), or
    /// OperationOutcome, the default, which carries the duplicate candidates as warnings.
    /// </summary>
    public static IResult Respond(HttpRequest request, LocalIdentity identity, IReadOnlyList<(LocalIdentity Identity, MatchResult Match)> duplicates, int status)
    {
        var location = $"{FhirUrls.Base(request)}/Patient/{identity.Id:N}/_history/{identity.Version}";
        var prefer = request.Headers["Prefer"].ToString();
        if (prefer.Contains("return=minimal", StringComparison.Ordinal))
        {
            request.HttpContext.Response.Headers.Location = location;
            request.HttpContext.Response.Headers.ETag = $"W/\"{identity.Version}\"";
            return Results.StatusCode(status);
        }

        if (prefer.Contains("return=representation", StringComparison.Ordinal))
        {
            return new FhirResult(PatientMapper.FromLocal(identity), status, location);
        }

        var verb = status == StatusCodes.Status201Created ? "created" : "updated";
        var outcome = new OperationOutcome
        {
            Issue =
            [
                new OperationOutcomeIssue
                {
                    Severity = "information",
                    Code = "informational",
                    Diagnostics = $"Patient/{identity.Id:N} {verb} (version {identity.Version}, status {identity.StatusCode}).",
                },
            ],
        };
        foreach (var (candidate, match) in duplicates)
        {
            outcome.Issue.Add(new OperationOutcomeIssue
            {
                Severity = "warning",
                Code = "duplicate",
                Details = new CodeableConcept { Coding = [new Coding { System = OperationOutcomes.ErrorCodeSystem, Code = "IDENT-W001" }], Text = "Possible duplicate" },
                Diagnostics = $"Possible duplicate: Patient/{candidate.Id:N} (score {match.Score:0.00}, {match.Grade}; agreeing traits: {string.Join(", ", match.AgreedTraits)}).",
                Expression = ["Patient"],
            });
        }

        return new FhirResult(outcome, status, location);
    }
}
