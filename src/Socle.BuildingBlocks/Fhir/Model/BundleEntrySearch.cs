namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class BundleEntrySearch
{
    /// <summary>match | include | outcome.</summary>
    public string? Mode { get; set; }

    public decimal? Score { get; set; }

    public List<Extension>? Extension { get; set; }
}
