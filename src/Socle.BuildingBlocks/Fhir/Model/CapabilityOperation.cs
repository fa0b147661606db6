namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class CapabilityOperation
{
    public string? Name { get; set; }

    public string? Definition { get; set; }

    public string? Documentation { get; set; }
}
