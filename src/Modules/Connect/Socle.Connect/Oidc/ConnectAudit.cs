using Microsoft.AspNetCore.Http;
using Socle.Audit.Contracts;

namespace Socle.Connect.Oidc;

/// <summary>Login, token and revocation events, written with an explicit actor (the caller is not a bearer token here).</summary>
internal sealed class ConnectAudit(IAuditTrail audit)
{
    public Task RecordAsync(HttpContext http, string action, string clientId, string organisation, string? person, AuditOutcome outcome, string? detail, string resourceType = "Account", string? resourceId = null, string? patientId = null) =>
        audit.RecordAsync(
            new AuditEvent(action, resourceType, resourceId, patientId, outcome, detail),
            new AuditActor(clientId, organisation, person, "TREAT", http.Connection.RemoteIpAddress?.ToString()),
            http.RequestAborted);
}
