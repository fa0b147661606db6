using System.Text.Json.Serialization;

namespace Socle.BuildingBlocks.Fhir.Model;

/// <summary>Base of the FHIR R4 resources Socle reads and writes; <c>resourceType</c> is the JSON discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "resourceType", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(Patient), "Patient")]
[JsonDerivedType(typeof(Parameters), "Parameters")]
[JsonDerivedType(typeof(OperationOutcome), "OperationOutcome")]
[JsonDerivedType(typeof(Bundle), "Bundle")]
[JsonDerivedType(typeof(CapabilityStatement), "CapabilityStatement")]
public abstract class FhirResource
{
    public string? Id { get; set; }

    public Meta? Meta { get; set; }

    public Narrative? Text { get; set; }

    public List<Extension>? Extension { get; set; }

    [JsonIgnore]
    public abstract string ResourceType { get; }
}
