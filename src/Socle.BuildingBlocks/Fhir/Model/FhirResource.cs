using System.Text.Json.Serialization;

namespace Socle.BuildingBlocks.Fhir.Model;

/// <summary>Base of the FHIR R4 resources Socle reads and writes; <c>resourceType</c> is the JSON discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "resourceType", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(Patient), "Patient")]
[JsonDerivedType(typeof(Practitioner), "Practitioner")]
[JsonDerivedType(typeof(PractitionerRole), "PractitionerRole")]
[JsonDerivedType(typeof(Organization), "Organization")]
[JsonDerivedType(typeof(Parameters), "Parameters")]
[JsonDerivedType(typeof(OperationOutcome), "OperationOutcome")]
[JsonDerivedType(typeof(Bundle), "Bundle")]
[JsonDerivedType(typeof(CapabilityStatement), "CapabilityStatement")]
[JsonDerivedType(typeof(DocumentReference), "DocumentReference")]
[JsonDerivedType(typeof(List), "List")]
[JsonDerivedType(typeof(Binary), "Binary")]
[JsonDerivedType(typeof(AuditEvent), "AuditEvent")]
public abstract class FhirResource
{
    [JsonPropertyOrder(-4)]
    public string? Id { get; set; }

    [JsonPropertyOrder(-3)]
    public Meta? Meta { get; set; }

    [JsonPropertyOrder(-2)]
    public Narrative? Text { get; set; }

    [JsonPropertyOrder(-1)]
    public List<Extension>? Extension { get; set; }

    /// <summary>The FHIR resource type; every model class is named after its resource type.</summary>
    [JsonIgnore]
    public string ResourceType => GetType().Name;
}
