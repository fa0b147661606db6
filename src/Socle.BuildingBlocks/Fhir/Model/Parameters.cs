namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class Parameters : FhirResource
{
    public List<ParametersParameter>? Parameter { get; set; }
}
