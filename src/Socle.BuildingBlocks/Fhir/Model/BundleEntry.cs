namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class BundleEntry
{
    public string? FullUrl { get; set; }

    public FhirResource? Resource { get; set; }

    public BundleEntrySearch? Search { get; set; }

    public BundleEntryRequest? Request { get; set; }

    public BundleEntryResponse? Response { get; set; }
}

public sealed class BundleEntryRequest
{
    public string? Method { get; set; }

    public string? Url { get; set; }

    public string? IfNoneExist { get; set; }
}

public sealed class BundleEntryResponse
{
    public string? Status { get; set; }

    public string? Location { get; set; }

    public string? Etag { get; set; }

    public string? LastModified { get; set; }
}
