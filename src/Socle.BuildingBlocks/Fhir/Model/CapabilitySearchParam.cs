namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class CapabilitySearchParam
{
    public string? Name { get; set; }

    public string? Type { get; set; }

    public string? Documentation { get; set; }
}
