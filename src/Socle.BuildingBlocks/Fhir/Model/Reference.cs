using System.Text.Json.Serialization;

namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class Reference
{
    [JsonPropertyName("reference")]
    public string? ReferenceValue { get; set; }

    public string? Type { get; set; }

    public Identifier? Identifier { get; set; }

    public string? Display { get; set; }
}
