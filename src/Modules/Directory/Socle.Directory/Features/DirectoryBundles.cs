namespace Socle.Directory.Features;

/// <summary>Searchset bundles of the directory API.</summary>
internal static class DirectoryBundles
{
    public static BundleEntry Entry(string baseUrl, FhirResource resource, string mode) => new()
    {
        FullUrl = $"{baseUrl}/{resource.ResourceType}/{resource.Id}",
        Resource = resource,
        Search = new BundleEntrySearch { Mode = mode },
    };

    public static Bundle Searchset(HttpRequest request, string resourceUrl, DirectorySearch search, bool hasNext, int? total, List<BundleEntry> entries) => new()
    {
        Type = "searchset",
        Total = total,
        Link = SearchLinks.For(request, resourceUrl, search.Offset, search.Count, hasNext),
        Entry = entries,
    };
}
