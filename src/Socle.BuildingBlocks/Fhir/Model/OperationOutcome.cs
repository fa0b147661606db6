namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class OperationOutcome : FhirResource
{
    public List<OperationOutcomeIssue> Issue { get; set; } = [];
}
