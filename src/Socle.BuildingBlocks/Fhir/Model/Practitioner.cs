namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class Practitioner : FhirResource
{
    public List<Identifier>? Identifier { get; set; }

    public bool? Active { get; set; }

    public List<HumanName>? Name { get; set; }

    public List<ContactPoint>? Telecom { get; set; }

    public List<PractitionerQualification>? Qualification { get; set; }
}

public sealed class PractitionerQualification
{
    public List<Extension>? Extension { get; set; }

    public List<Identifier>? Identifier { get; set; }

    public CodeableConcept? Code { get; set; }

    public Period? Period { get; set; }

    public Reference? Issuer { get; set; }
}
