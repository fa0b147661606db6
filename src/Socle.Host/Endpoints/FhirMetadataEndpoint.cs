using System.Reflection;
using Socle.BuildingBlocks.Fhir;
using Socle.BuildingBlocks.Fhir.Capability;
using Socle.BuildingBlocks.Fhir.Model;

namespace Socle.Host.Endpoints;

/// <summary>GET /fhir/metadata: the CapabilityStatement, built from what the modules actually map.</summary>
internal static class FhirMetadataEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/fhir/metadata", (IEnumerable<IFhirCapabilityContributor> contributors, TimeProvider clock) =>
            new FhirResult(new CapabilityStatement
            {
                Status = "active",
                Date = clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Kind = "instance",
                FhirVersion = "4.0.1",
                Format = ["application/fhir+json"],
                Software = new CapabilitySoftware
                {
                    Name = "Socle",
                    Version = typeof(FhirMetadataEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
                },
                Rest =
                [
                    new CapabilityRest
                    {
                        Mode = "server",
                        Security = new CapabilitySecurity
                        {
                            Service = [CodeableConcept.Of("http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth")],
                            Description = "OAuth 2.0 bearer tokens from /connect/token (client credentials); scopes <module>.<right>.",
                        },
                        Resource = contributors.SelectMany(c => c.Resources()).OrderBy(r => r.Type, StringComparer.Ordinal).ToList(),
                        Interaction = contributors.SelectMany(c => c.SystemInteractions()).ToList() is { Count: > 0 } interactions ? interactions : null,
                        Operation = contributors.SelectMany(c => c.SystemOperations()).OrderBy(o => o.Name, StringComparer.Ordinal).ToList() is { Count: > 0 } operations ? operations : null,
                    },
                ],
            })).WithName("FhirMetadata").WithSummary("FHIR CapabilityStatement");
}
