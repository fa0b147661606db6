using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;

namespace Socle.BuildingBlocks.Web;

public static class RequestBodyLimits
{
    /// <summary>This endpoint accepts bodies up to <paramref name="maxBytes"/> instead of the host-wide limit.</summary>
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long maxBytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new EndpointBodyLimit(maxBytes));

    private sealed record EndpointBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
