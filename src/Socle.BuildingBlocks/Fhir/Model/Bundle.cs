namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class Bundle : FhirResource
{
    public string? Type { get; set; }

    public string? Timestamp { get; set; }

    public int? Total { get; set; }

    public List<BundleLink>? Link { get; set; }

    public List<BundleEntry>? Entry { get; set; }
}
