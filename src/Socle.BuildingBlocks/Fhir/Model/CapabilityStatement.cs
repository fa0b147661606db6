namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class CapabilityStatement : FhirResource
{
    public string? Status { get; set; }

    public string? Date { get; set; }

    public string? Kind { get; set; }

    public string? FhirVersion { get; set; }

    public List<string>? Format { get; set; }

    public CapabilitySoftware? Software { get; set; }

    public List<CapabilityRest>? Rest { get; set; }
}
