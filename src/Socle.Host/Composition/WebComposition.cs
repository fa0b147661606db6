using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Socle.BuildingBlocks.Hosting;
using Socle.BuildingBlocks.Metrics;
using Socle.BuildingBlocks.Security;
using Socle.BuildingBlocks.Web;
using Socle.Connect;
using Socle.Host.Endpoints;
using Socle.Directory;
using Socle.Identity;
using Socle.Record;

namespace Socle.Host.Composition;

public static class WebComposition
{
    public static WebApplicationBuilder AddSocleWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSoclePlatform();
        services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var http = builder.Configuration.GetSection(HttpOptions.SectionName).Get<HttpOptions>() ?? new HttpOptions();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = http.MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        services.Configure<FormOptions>(o => o.ValueLengthLimit = (int)Math.Min(http.MaxRequestBodyBytes, int.MaxValue));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow);
        services.AddExceptionHandler<SocleExceptionHandler>();
        services.AddProblemDetails();
        services.AddHttpCallerContext();
        services.AddSingleton<PrometheusMetrics>();
        services.AddConnectAuthentication();
        services.AddOpenApi();
        services.DeferKeyRingLoading();
        if (Console.IsOutputRedirected)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole();
        }

        return builder;
    }

    public static WebApplication MapSocle(this WebApplication app)
    {
        app.Services.GetRequiredService<PrometheusMetrics>();
        app.UseExceptionHandler();
        app.UseMiddleware<StartingMiddleware>(new[] { new PathString("/health"), new PathString("/metrics") });
        app.UseMiddleware<RequestBodyLimitMiddleware>(app.Services.GetRequiredService<IOptions<HttpOptions>>().Value.MaxRequestBodyBytes);
        app.UseStatusCodePages(context => ErrorResponses.WriteAsync(context.HttpContext, ErrorResponses.ForStatus(context.HttpContext.Response.StatusCode)));
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json");
        OperationalEndpoints.Map(app);
        FhirMetadataEndpoint.Map(app);
        app.MapConnectEndpoints();
        app.MapRazorPages();
        app.MapIdentityEndpoints();
        app.MapDirectoryEndpoints();
        app.MapRecordEndpoints();
        return app;
    }
}
