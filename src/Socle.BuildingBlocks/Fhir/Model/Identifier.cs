namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class Identifier
{
    public List<Extension>? Extension { get; set; }

    public string? Use { get; set; }

    public CodeableConcept? Type { get; set; }

    public string? System { get; set; }

    public string? Value { get; set; }

    public Period? Period { get; set; }

    public Reference? Assigner { get; set; }
}
