namespace Socle.BuildingBlocks.Fhir.Model;

/// <summary>FHIR R4 List: an MHD SubmissionSet or Folder. Named after its resource type, like every model class.</summary>
#pragma warning disable CA1716 // The FHIR resource type is "List".
public sealed class List : FhirResource
#pragma warning restore CA1716
{
    public List<FhirResource>? Contained { get; set; }

    public List<Identifier>? Identifier { get; set; }

    public string? Status { get; set; }

    public string? Mode { get; set; }

    public string? Title { get; set; }

    public CodeableConcept? Code { get; set; }

    public Reference? Subject { get; set; }

    public Reference? Encounter { get; set; }

    public string? Date { get; set; }

    public Reference? Source { get; set; }

    public CodeableConcept? OrderedBy { get; set; }

    public List<Annotation>? Note { get; set; }

    public List<ListEntry>? Entry { get; set; }

    public CodeableConcept? EmptyReason { get; set; }
}

public sealed class ListEntry
{
    public CodeableConcept? Flag { get; set; }

    public bool? Deleted { get; set; }

    public string? Date { get; set; }

    public Reference? Item { get; set; }
}

public sealed class Annotation
{
    public Reference? AuthorReference { get; set; }

    public string? AuthorString { get; set; }

    public string? Time { get; set; }

    public string? Text { get; set; }
}
