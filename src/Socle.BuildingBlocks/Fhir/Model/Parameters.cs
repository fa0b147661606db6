namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class Parameters : FhirResource
{
    public override string ResourceType => "Parameters";

    public List<ParametersParameter>? Parameter { get; set; }
}
