namespace Socle.BuildingBlocks.Fhir.Model;

/// <summary>FHIR R4 DocumentReference, as IHE MHD (ITI-65/67) and the PDSm guide use it.</summary>
public sealed class DocumentReference : FhirResource
{
    public List<FhirResource>? Contained { get; set; }

    public Identifier? MasterIdentifier { get; set; }

    public List<Identifier>? Identifier { get; set; }

    public string? Status { get; set; }

    public string? DocStatus { get; set; }

    public CodeableConcept? Type { get; set; }

    public List<CodeableConcept>? Category { get; set; }

    public Reference? Subject { get; set; }

    public string? Date { get; set; }

    public List<Reference>? Author { get; set; }

    public Reference? Authenticator { get; set; }

    public Reference? Custodian { get; set; }

    public List<DocumentReferenceRelatesTo>? RelatesTo { get; set; }

    public string? Description { get; set; }

    public List<CodeableConcept>? SecurityLabel { get; set; }

    public List<DocumentReferenceContent>? Content { get; set; }

    public DocumentReferenceContext? Context { get; set; }
}

public sealed class DocumentReferenceRelatesTo
{
    public string? Code { get; set; }

    public Reference? Target { get; set; }
}

public sealed class DocumentReferenceContent
{
    public Attachment? Attachment { get; set; }

    public Coding? Format { get; set; }
}

public sealed class DocumentReferenceContext
{
    public List<Reference>? Encounter { get; set; }

    public List<CodeableConcept>? Event { get; set; }

    public Period? Period { get; set; }

    public CodeableConcept? FacilityType { get; set; }

    public CodeableConcept? PracticeSetting { get; set; }

    public Reference? SourcePatientInfo { get; set; }

    public List<Reference>? Related { get; set; }
}
