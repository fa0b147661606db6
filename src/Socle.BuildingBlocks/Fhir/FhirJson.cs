using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Socle.BuildingBlocks.Errors;
using Socle.BuildingBlocks.Fhir.Model;
using Socle.BuildingBlocks.Web;

namespace Socle.BuildingBlocks.Fhir;

/// <summary>Reads and writes FHIR R4 JSON through the source-generated contract.</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    private const string NullItem = "A FHIR array holds no null items";

    private const string ControlCharacter = "A FHIR string holds no control characters but tab, CR and LF";

    /// <summary>The contract as read from callers: the source-generated one, with what FHIR JSON forbids refused.</summary>
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
            TypeInfoResolver = FhirJsonContext.Default.WithAddedModifier(RefuseWhatFhirForbids),
        };
        return (JsonTypeInfo<FhirResource>)options.GetTypeInfo(typeof(FhirResource));
    }

    /// <summary>
    /// Two rules of FHIR JSON the model's types cannot carry: no null values (a null array item would reach the handlers
    /// as a missing element where they expect one; the aligned arrays of primitive extensions, which may hold nulls, are
    /// not in the model), and no control characters in strings but tab, CR and LF. Arrays are base64 content (binary
    /// data, never null items), left alone.
    /// </summary>
    private static void RefuseWhatFhirForbids(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.Set is not { } set)
            {
                continue;
            }

            if (property.PropertyType == typeof(string))
            {
                property.Set = (owner, value) =>
                {
                    if (value is string text && CallerText.HasControlCharacter(text, tabsAndLineBreaks: true))
                    {
                        throw new JsonException($"{ControlCharacter}: '{property.Name}' has one.");
                    }

                    set(owner, value);
                };
            }
            else if (typeof(IList).IsAssignableFrom(property.PropertyType) && !property.PropertyType.IsArray)
            {
                property.Set = (owner, value) =>
                {
                    if (value is IList list && list.Contains(null))
                    {
                        throw new JsonException($"{NullItem}: '{property.Name}' has one.");
                    }

                    if (value is IEnumerable<string> texts && texts.Any(text => CallerText.HasControlCharacter(text, tabsAndLineBreaks: true)))
                    {
                        throw new JsonException($"{ControlCharacter}: '{property.Name}' has one.");
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

        if (message.StartsWith(NullItem, StringComparison.Ordinal) || message.StartsWith(ControlCharacter, StringComparison.Ordinal))
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
