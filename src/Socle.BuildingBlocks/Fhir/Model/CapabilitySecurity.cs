namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class CapabilitySecurity
{
    public List<CodeableConcept>? Service { get; set; }

    public string? Description { get; set; }
}
