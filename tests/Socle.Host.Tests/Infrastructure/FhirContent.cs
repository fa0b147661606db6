using System.Text;
using Socle.BuildingBlocks.Fhir;
using Socle.BuildingBlocks.Fhir.Model;

namespace Socle.Host.Tests.Infrastructure;

/// <summary>A request body in FHIR JSON.</summary>
public static class FhirContent
{
    public static StringContent Of(string json) => new(json, Encoding.UTF8, FhirJson.MediaType);

    public static StringContent Of(FhirResource resource) => Of(FhirJson.SerializeToString(resource));
}
