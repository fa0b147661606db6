namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class OperationOutcomeIssue
{
    /// <summary>fatal | error | warning | information.</summary>
    public string? Severity { get; set; }

    /// <summary>The FHIR issue-type code (invalid, not-found, conflict, business-rule, ...).</summary>
    public string? Code { get; set; }

    public CodeableConcept? Details { get; set; }

    public string? Diagnostics { get; set; }

    public List<string>? Expression { get; set; }
}
