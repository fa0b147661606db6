namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class Binary : FhirResource
{
    public string? ContentType { get; set; }

    public Reference? SecurityContext { get; set; }

    /// <summary>Base64 content (decoded by System.Text.Json into bytes).</summary>
    public byte[]? Data { get; set; }
}
