namespace Socle.BuildingBlocks.Fhir.Model;

/// <summary>FHIR R4 AuditEvent (IHE BALP shape): what Socle shows of a trace.</summary>
public sealed class AuditEvent : FhirResource
{
    public Coding? Type { get; set; }

    public List<Coding>? Subtype { get; set; }

    public string? Action { get; set; }

    public string? Recorded { get; set; }

    public string? Outcome { get; set; }

    public string? OutcomeDesc { get; set; }

    public List<CodeableConcept>? PurposeOfEvent { get; set; }

    public List<AuditEventAgent>? Agent { get; set; }

    public AuditEventSource? Source { get; set; }

    public List<AuditEventEntity>? Entity { get; set; }
}

public sealed class AuditEventAgent
{
    public CodeableConcept? Type { get; set; }

    public List<CodeableConcept>? Role { get; set; }

    public Reference? Who { get; set; }

    public string? Name { get; set; }

    public bool? Requestor { get; set; }

    public List<CodeableConcept>? PurposeOfUse { get; set; }
}

public sealed class AuditEventSource
{
    public string? Site { get; set; }

    public Reference? Observer { get; set; }
}

public sealed class AuditEventEntity
{
    public Reference? What { get; set; }

    public Coding? Type { get; set; }

    public Coding? Role { get; set; }

    public string? Description { get; set; }
}
