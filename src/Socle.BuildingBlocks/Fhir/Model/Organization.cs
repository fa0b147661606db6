namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class Organization : FhirResource
{
    public List<Identifier>? Identifier { get; set; }

    public bool? Active { get; set; }

    public List<CodeableConcept>? Type { get; set; }

    public string? Name { get; set; }

    public List<string>? Alias { get; set; }

    public List<ContactPoint>? Telecom { get; set; }

    public List<Address>? Address { get; set; }

    public Reference? PartOf { get; set; }
}
