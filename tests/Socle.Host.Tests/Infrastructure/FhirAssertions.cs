using System.Net;
using Socle.BuildingBlocks.Fhir;
using Socle.BuildingBlocks.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Socle.Identity.Contracts;

namespace Socle.Host.Tests.Infrastructure;

public static class FhirAssertions
{
    public static string? Value(this Parameters parameters, string name)
    {
        var p = parameters.Parameter?.FirstOrDefault(x => x.Name == name);
        return p?.ValueString ?? p?.ValueCode ?? p?.ValueBoolean?.ToString();
    }

    public static IEnumerable<ParametersParameter> All(this Parameters parameters, string name) =>
        parameters.Parameter?.Where(x => x.Name == name) ?? [];

    public static string? Status(this Patient patient) =>
        patient.Extension?.FirstOrDefault(e => e.Url == "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability")
            ?.Children?.FirstOrDefault(c => c.Url == "identityStatus")?.ValueCoding?.Code;

    public static string? Ins(this Patient patient) =>
        patient.Identifier?.FirstOrDefault(i => i.System?.StartsWith("urn:oid:1.2.250.1.213.1.4.", StringComparison.Ordinal) == true)?.Value;

    /// <summary>Asserts an error response: status, format of the interface and the stable error code.</summary>
    public static async Task<OperationOutcome> AssertOperationOutcomeAsync(this HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(FhirJson.MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        var outcome = FhirJson.ParseAs<OperationOutcome>(body);
        Assert.NotEmpty(outcome.Issue);
        if (code is not null)
        {
            Assert.Contains(outcome.Issue, i => i.Details?.Coding?.Any(c => c.Code == code) == true);
        }

        return outcome;
    }

    public static async Task<IReadOnlyList<SandboxIdentity>> ReferenceIdentitiesAsync(this SocleApiFactory factory, int count, bool homonyms = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISandboxIdentities>().ListAsync(count, homonyms, CancellationToken.None);
    }
}
