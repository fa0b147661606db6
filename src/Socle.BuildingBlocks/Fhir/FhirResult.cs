using Microsoft.AspNetCore.Http;
using Socle.BuildingBlocks.Fhir.Model;

namespace Socle.BuildingBlocks.Fhir;

/// <summary>An endpoint result that writes a FHIR resource as <c>application/fhir+json</c>.</summary>
public sealed class FhirResult(FhirResource resource, int statusCode = StatusCodes.Status200OK, string? location = null) : IResult
{
    public FhirResource Resource { get; } = resource;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = FhirJson.MediaType + "; charset=utf-8";
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        if (Resource.Meta?.VersionId is { } version)
        {
            response.Headers.ETag = $"W/\"{version}\"";
        }

        await response.Body.WriteAsync(FhirJson.Serialize(Resource), httpContext.RequestAborted);
    }
}
