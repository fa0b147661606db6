using Socle.BuildingBlocks.Errors;
using Socle.BuildingBlocks.Security;

namespace Socle.Identity.Features.Shared;

/// <summary>
/// The identity repository and INSi serve an organisation and its staff. A token a patient obtained through one of the
/// organisation's applications carries that application's scopes, but the patient has no right over the other
/// patients' identities: such a caller is refused, whatever the scopes (a patient reaches their own data through the
/// Record module).
/// </summary>
internal sealed class StaffOnlyFilter(ICallerContext caller) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        caller.Claim(SocleClaims.PatientId) is null ? next(context) : throw IdentityErrors.PatientCaller.ToException();
}
