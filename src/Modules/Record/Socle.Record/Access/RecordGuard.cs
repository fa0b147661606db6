namespace Socle.Record.Access;

internal static class RecordGuard
{
    /// <summary>Traces a refusal in the patient's record, then answers it (403 with the rule that refused).</summary>
    public static async Task EnsureAsync(this RecordTraces traces, RecordScope scope, string action, DomainError? refusal)
    {
        if (refusal is not null)
        {
            await traces.RefusedAsync(scope, action, refusal);
            throw refusal.ToException();
        }
    }
}
