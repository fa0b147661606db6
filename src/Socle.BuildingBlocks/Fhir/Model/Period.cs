namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class Period
{
    public string? Start { get; set; }

    public string? End { get; set; }
}
