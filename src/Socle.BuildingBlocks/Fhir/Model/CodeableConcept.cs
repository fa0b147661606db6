namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class CodeableConcept
{
    public List<Coding>? Coding { get; set; }

    public string? Text { get; set; }

    public static CodeableConcept Of(string system, string code, string? display = null) =>
        new() { Coding = [new Coding { System = system, Code = code, Display = display }] };
}
