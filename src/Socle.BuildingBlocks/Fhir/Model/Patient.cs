namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class Patient : FhirResource
{
    public List<Identifier>? Identifier { get; set; }

    public bool? Active { get; set; }

    public List<HumanName>? Name { get; set; }

    public List<ContactPoint>? Telecom { get; set; }

    public string? Gender { get; set; }

    public string? BirthDate { get; set; }

    public bool? DeceasedBoolean { get; set; }

    public string? DeceasedDateTime { get; set; }

    public List<Address>? Address { get; set; }

    public CodeableConcept? MaritalStatus { get; set; }

    public bool? MultipleBirthBoolean { get; set; }

    public int? MultipleBirthInteger { get; set; }

    public List<PatientLink>? Link { get; set; }

    public Reference? ManagingOrganization { get; set; }

    public List<Reference>? GeneralPractitioner { get; set; }
}
