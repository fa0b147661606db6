namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class CapabilityRest
{
    public string? Mode { get; set; }

    public CapabilitySecurity? Security { get; set; }

    public List<CapabilityResource>? Resource { get; set; }

    public List<CapabilityInteraction>? Interaction { get; set; }

    public List<CapabilityOperation>? Operation { get; set; }
}
