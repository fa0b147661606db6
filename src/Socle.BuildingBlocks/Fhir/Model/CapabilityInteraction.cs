namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class CapabilityInteraction
{
    public string? Code { get; set; }
}
