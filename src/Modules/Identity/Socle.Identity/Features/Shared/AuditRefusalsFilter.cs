using Socle.BuildingBlocks.Errors;

namespace Socle.Identity.Features.Shared;

/// <summary>
/// Traces refused and failed accesses too: a caller probing another organisation's patient, or breaking a rule,
/// leaves an entry with the outcome and the error code. Successful accesses are traced by each feature.
/// </summary>
internal sealed class AuditRefusalsFilter(IAuditTrail audit) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException ex)
        {
            var http = context.HttpContext;
            var name = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "unknown";
            var id = http.GetRouteValue("id") as string;
            var outcome = ex.Error.Kind is ErrorKind.NotFound or ErrorKind.Forbidden ? AuditOutcome.Denied : AuditOutcome.Failed;
            await audit.RecordAsync(new AuditEvent($"identity.{name}", "Patient", id, null, outcome, ex.Error.Code), CancellationToken.None);
            throw;
        }
    }
}
