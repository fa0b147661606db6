using Microsoft.AspNetCore.Http;
using Socle.BuildingBlocks.Errors;
using Socle.BuildingBlocks.Fhir.Model;

namespace Socle.BuildingBlocks.Fhir;

public static class FhirRequest
{
    /// <summary>Reads the body as the expected FHIR resource; anything else is a 400 (or 415) that says why.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request)
        where T : FhirResource
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not (FhirJson.MediaType or "application/json"))
        {
            throw CommonErrors.UnsupportedMediaType
                .WithMessage("Send the body as application/fhir+json.")
                .ToException();
        }

        var resource = await FhirJson.ParseAsync(request.Body, request.HttpContext.RequestAborted);
        return resource as T ?? throw CommonErrors.MalformedBody
            .WithMessage($"Expected a {typeof(T).Name} resource, got {resource.ResourceType}.")
            .ToException();
    }
}
