using System.Text.Json.Serialization;

namespace Socle.BuildingBlocks.Fhir.Model;

/// <summary>A FHIR extension with the value[x] types Socle uses.</summary>
public sealed class Extension
{
    public string? Url { get; set; }

    [JsonPropertyName("extension")]
    public List<Extension>? Children { get; set; }

    public string? ValueString { get; set; }

    public string? ValueCode { get; set; }

    public bool? ValueBoolean { get; set; }

    public string? ValueDate { get; set; }

    public string? ValueDateTime { get; set; }

    public int? ValueInteger { get; set; }

    public Coding? ValueCoding { get; set; }

    public CodeableConcept? ValueCodeableConcept { get; set; }

    public Address? ValueAddress { get; set; }

    public Identifier? ValueIdentifier { get; set; }

    public Reference? ValueReference { get; set; }
}
