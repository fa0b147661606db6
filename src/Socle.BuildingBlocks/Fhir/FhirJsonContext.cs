using System.Text.Json.Serialization;
using Socle.BuildingBlocks.Fhir.Model;

namespace Socle.BuildingBlocks.Fhir;

/// <summary>
/// Source-generated FHIR JSON contract. Unknown elements are refused so that a typo in a request is a 400,
/// never a silently ignored trait.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    MaxDepth = 32)]
[JsonSerializable(typeof(FhirResource))]
internal sealed partial class FhirJsonContext : JsonSerializerContext;
