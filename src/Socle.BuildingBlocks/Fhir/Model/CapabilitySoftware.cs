namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class CapabilitySoftware
{
    public string? Name { get; set; }

    public string? Version { get; set; }
}
