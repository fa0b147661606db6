namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class BundleLink
{
    public string? Relation { get; set; }

    public string? Url { get; set; }
}
