namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class BundleEntry
{
    public string? FullUrl { get; set; }

    public FhirResource? Resource { get; set; }

    public BundleEntrySearch? Search { get; set; }
}
