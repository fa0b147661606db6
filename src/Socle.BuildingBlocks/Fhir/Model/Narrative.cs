namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class Narrative
{
    public string? Status { get; set; }

    public string? Div { get; set; }
}
