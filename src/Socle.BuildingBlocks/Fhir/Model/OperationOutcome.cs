namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class OperationOutcome : FhirResource
{
    public override string ResourceType => "OperationOutcome";

    public List<OperationOutcomeIssue> Issue { get; set; } = [];
}
