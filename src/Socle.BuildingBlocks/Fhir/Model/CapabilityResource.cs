namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class CapabilityResource
{
    public string? Type { get; set; }

    public string? Profile { get; set; }

    public List<CapabilityInteraction>? Interaction { get; set; }

    public List<string>? SearchInclude { get; set; }

    public List<string>? SearchRevInclude { get; set; }

    public List<CapabilitySearchParam>? SearchParam { get; set; }

    public List<CapabilityOperation>? Operation { get; set; }
}
