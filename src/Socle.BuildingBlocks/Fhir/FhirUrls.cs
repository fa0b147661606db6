using Microsoft.AspNetCore.Http;

namespace Socle.BuildingBlocks.Fhir;

public static class FhirUrls
{
    /// <summary>The FHIR base address as the caller reached it (for fullUrl, Location and paging links).</summary>
    public static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/fhir";
}
