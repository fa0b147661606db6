using System.Text.Json;
using Socle.BuildingBlocks.Errors;
using Socle.BuildingBlocks.Fhir.Model;

namespace Socle.BuildingBlocks.Fhir;

/// <summary>Reads and writes FHIR R4 JSON through the source-generated contract.</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    public static byte[] Serialize(FhirResource resource) =>
        JsonSerializer.SerializeToUtf8Bytes(resource, FhirJsonContext.Default.FhirResource);

    public static string SerializeToString(FhirResource resource) =>
        JsonSerializer.Serialize(resource, FhirJsonContext.Default.FhirResource);

    public static FhirResource Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, FhirJsonContext.Default.FhirResource)
                ?? throw Invalid("The body is empty.");
        }
        catch (JsonException ex)
        {
            throw Invalid(Describe(ex));
        }
        catch (NotSupportedException)
        {
            throw Invalid("The body is not a FHIR resource Socle accepts here (unknown or missing resourceType).");
        }
    }

    public static async Task<FhirResource> ParseAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(body, FhirJsonContext.Default.FhirResource, cancellationToken)
                ?? throw Invalid("The body is empty.");
        }
        catch (JsonException ex)
        {
            throw Invalid(Describe(ex));
        }
        catch (NotSupportedException)
        {
            throw Invalid("The body is not a FHIR resource Socle accepts here (unknown or missing resourceType).");
        }
    }

    public static T ParseAs<T>(string json)
        where T : FhirResource
    {
        var resource = Parse(json);
        return resource as T ?? throw Invalid($"Expected a {typeof(T).Name} resource, got {resource.ResourceType}.");
    }

    private static DomainException Invalid(string message) => CommonErrors.MalformedBody.WithMessage(message).ToException();

    // JsonException messages name .NET types; callers get the FHIR path and a plain reason instead.
    private static string Describe(JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        var message = ex.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var start = message.IndexOf('\'', StringComparison.Ordinal);
            var end = start >= 0 ? message.IndexOf('\'', start + 1) : -1;
            var name = start >= 0 && end > start ? message[(start + 1)..end] : "?";
            return $"Unknown FHIR element '{name}' at {path}.";
        }

        if (message.Contains("type discriminator", StringComparison.OrdinalIgnoreCase) || message.Contains("resourceType", StringComparison.Ordinal))
        {
            return "The body must be a FHIR resource with a known resourceType.";
        }

        if (ex.LineNumber is null)
        {
            return $"Invalid value at {path}.";
        }

        return $"Invalid FHIR JSON at {path} (line {ex.LineNumber + 1}): wrong type or malformed JSON.";
    }
}
