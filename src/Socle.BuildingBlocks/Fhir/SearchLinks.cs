using Microsoft.AspNetCore.Http;
using Socle.BuildingBlocks.Fhir.Model;

namespace Socle.BuildingBlocks.Fhir;

/// <summary>The self / next / previous links of an offset-paged searchset, keeping the caller's other parameters.</summary>
public static class SearchLinks
{
    public static List<BundleLink> For(HttpRequest request, string resourceUrl, int offset, int count, bool hasNext)
    {
        string Url(int newOffset)
        {
            var pairs = request.Query.Where(p => p.Key != "_offset")
                .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"))
                .ToList();
            pairs.Add($"_offset={newOffset}");
            if (!request.Query.ContainsKey("_count"))
            {
                pairs.Add($"_count={count}");
            }

            return $"{resourceUrl}?{string.Join('&', pairs)}";
        }

        var links = new List<BundleLink> { new() { Relation = "self", Url = Url(offset) } };
        if (hasNext)
        {
            links.Add(new BundleLink { Relation = "next", Url = Url(offset + count) });
        }

        if (offset > 0)
        {
            links.Add(new BundleLink { Relation = "previous", Url = Url(Math.Max(0, offset - count)) });
        }

        return links;
    }
}
