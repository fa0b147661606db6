using Microsoft.AspNetCore.Http;
using Socle.BuildingBlocks.Errors;
using Socle.BuildingBlocks.Web;

namespace Socle.BuildingBlocks.Hosting;

/// <summary>
/// Answers 503 with <c>Retry-After</c>, in the interface's own error format, while the platform is being prepared;
/// only the paths given (health, metrics) go through, so that a supervisor can watch the start.
/// </summary>
public sealed class StartingMiddleware(RequestDelegate next, PlatformReadiness readiness, PathString[] alwaysServed)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (readiness.IsReady || Array.Exists(alwaysServed, p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return next(context);
        }

        context.Response.Headers.RetryAfter = "1";
        return ErrorResponses.WriteAsync(context, CommonErrors.Starting);
    }
}
