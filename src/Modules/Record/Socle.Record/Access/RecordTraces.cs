namespace Socle.Record.Access;

/// <summary>
/// Writes the traces of a record into the platform's audit log, keyed by the record: the patient lists them as
/// AuditEvents. The detail says how the access was granted (emergency, indirect, secret connection).
/// </summary>
internal sealed class RecordTraces(IAuditTrail audit, IHttpContextAccessor http, AccessPolicy policy)
{
    public const string ActionPrefix = "record.";
    public const string SecretConnectionHeader = "X-Secret-Connection";

    public Task TraceAsync(RecordScope scope, string action, string resourceType, Guid? resourceId, string? extra = null) =>
        WriteAsync(scope, action, resourceType, resourceId, AuditOutcome.Success, extra);

    /// <summary>
    /// Runs a read while its trace is being committed: the two round trips overlap, and the answer still leaves only
    /// once the trace is stored (no access without its trace; a failed trace fails the request).
    /// </summary>
    public async Task<T> WhileTracingAsync<T>(RecordScope scope, string action, string resourceType, Guid? resourceId, Func<Task<T>> read)
    {
        var trace = TraceAsync(scope, action, resourceType, resourceId);
        try
        {
            return await read();
        }
        finally
        {
            await trace;
        }
    }

    public Task RefusedAsync(RecordScope scope, string action, DomainError refusal) =>
        WriteAsync(scope, action, "Record", null, AuditOutcome.Denied, refusal.Code);

    /// <summary>A minor's confidential care: the access is not shown to the legal representatives.</summary>
    public bool SecretConnection => http.HttpContext?.Request.Headers[SecretConnectionHeader].ToString() is "true";

    private Task WriteAsync(RecordScope scope, string action, string resourceType, Guid? resourceId, AuditOutcome outcome, string? extra)
    {
        if (scope.Record.Id == Guid.Empty)
        {
            return Task.CompletedTask; // no record yet: nothing of the patient's was touched
        }

        var details = new List<string>();
        if (policy.Read(scope.Access, scope.Standing, ownDocumentsOnly: false).Reach == ReadReach.Emergency)
        {
            details.Add("emergency");
        }

        if (scope.Caller.Indirect)
        {
            details.Add("indirect");
        }

        if (SecretConnection)
        {
            details.Add("secret");
        }

        if (scope.Access.Kind is CallerKind.Patient)
        {
            details.Add("patient");
        }
        else if (scope.Access.Kind is CallerKind.Representative)
        {
            details.Add("representative");
        }

        if (extra is not null)
        {
            details.Add(extra);
        }

        return audit.RecordAsync(
            new AuditEvent(ActionPrefix + action, resourceType, resourceId?.ToString("N"), scope.PatientKey, outcome, details.Count == 0 ? null : string.Join(';', details)),
            CancellationToken.None);
    }
}
