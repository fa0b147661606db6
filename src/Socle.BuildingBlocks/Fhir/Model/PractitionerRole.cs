namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class PractitionerRole : FhirResource
{
    public List<Identifier>? Identifier { get; set; }

    public bool? Active { get; set; }

    public Period? Period { get; set; }

    public Reference? Practitioner { get; set; }

    public Reference? Organization { get; set; }

    public List<CodeableConcept>? Code { get; set; }

    public List<CodeableConcept>? Specialty { get; set; }

    public List<ContactPoint>? Telecom { get; set; }
}
