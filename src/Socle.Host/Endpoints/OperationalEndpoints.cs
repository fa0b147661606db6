using Socle.BuildingBlocks.Hosting;
using Socle.BuildingBlocks.Metrics;
using Socle.BuildingBlocks.Storage;

namespace Socle.Host.Endpoints;

internal static class OperationalEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", async (IEnumerable<IModuleDatabase> databases, PlatformReadiness readiness, HttpContext http) =>
        {
            if (!readiness.IsReady)
            {
                http.Response.Headers.RetryAfter = "1";
                return Results.Json(new HealthReport("starting", "the schema and the sandbox data are being prepared"), statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            try
            {
                foreach (var database in databases)
                {
                    if (!await database.CanConnectAsync(http.RequestAborted))
                    {
                        return Results.Json(new HealthReport("unhealthy", "storage does not answer"), statusCode: StatusCodes.Status503ServiceUnavailable);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Results.Json(new HealthReport("unhealthy", "storage does not answer"), statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return Results.Json(new HealthReport("healthy", null));
        }).WithName("Health").WithSummary("Ready when the platform is prepared and storage answers");

        routes.MapGet("/metrics", (PrometheusMetrics metrics) =>
            Results.Text(metrics.Render(), "text/plain; version=0.0.4; charset=utf-8"))
            .WithName("Metrics").WithSummary("Prometheus text exposition");
    }

    private sealed record HealthReport(string Status, string? Reason);
}
