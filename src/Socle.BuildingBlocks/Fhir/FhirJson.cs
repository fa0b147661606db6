using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Socle.BuildingBlocks.Errors;
using Socle.BuildingBlocks.Fhir.Model;

namespace Socle.BuildingBlocks.Fhir;

/// <summary>Reads and writes FHIR R4 JSON through the source-generated contract.</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    private const string NullItem = "A FHIR array holds no null items";

    /// <summary>The contract as read from callers: the source-generated one, with null array items refused.</summary>
    private static readonly JsonTypeInfo<FhirResource> Reading = ReadingContract();

    public static byte[] Serialize(FhirResource resource) =>
        JsonSerializer.SerializeToUtf8Bytes(resource, FhirJsonContext.Default.FhirResource);

    public static string SerializeToString(FhirResource resource) =>
        JsonSerializer.Serialize(resource, FhirJsonContext.Default.FhirResource);

    public static FhirResource Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, Reading)
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
            return await JsonSerializer.DeserializeAsync(body, Reading, cancellationToken)
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

    private static JsonTypeInfo<FhirResource> ReadingContract()
    {
        var options = new JsonSerializerOptions(FhirJsonContext.Default.Options)
        {
            TypeInfoResolver = FhirJsonContext.Default.WithAddedModifier(RefuseNullItems),
        };
        return (JsonTypeInfo<FhirResource>)options.GetTypeInfo(typeof(FhirResource));
    }

    // FHIR JSON never has null values (the aligned arrays of primitive extensions aside, which the model does not have);
    // a null item would reach the handlers as a missing element where they expect one.
    private static void RefuseNullItems(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.Set is { } set && typeof(IList).IsAssignableFrom(property.PropertyType))
            {
                property.Set = (owner, value) =>
                {
                    if (value is IList list && list.Contains(null))
                    {
                        throw new JsonException($"{NullItem}: '{property.Name}' has one.");
                    }

                    set(owner, value);
                };
            }
        }
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

        if (message.StartsWith(NullItem, StringComparison.Ordinal))
        {
            return $"{message} ({path})";
        }

        if (ex.LineNumber is null)
        {
            return $"Invalid value at {path}.";
        }

        return $"Invalid FHIR JSON at {path} (line {ex.LineNumber + 1}): wrong type or malformed JSON.";
    }
}
