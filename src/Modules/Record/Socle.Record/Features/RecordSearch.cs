using Socle.Record.Access;

namespace Socle.Record.Features;

/// <summary>What the find transactions share: the patient parameter and the read decision, traced when refused.</summary>
internal static class RecordSearch
{
    public static PatientReference Patient(QueryParameters q)
    {
        var literal = q.Get("patient");
        var identifier = q.Get("patient.identifier");
        return (literal, identifier) switch
        {
            (not null, null) => PatientReference.FromLiteral(literal, "patient"),
            (null, not null) => PatientReference.FromToken(identifier, "patient.identifier"),
            _ => throw RecordErrors.InvalidParameter.WithMessage("Give the patient as either 'patient' (Patient/{id}) or 'patient.identifier' (the INS), once.").ToException(),
        };
    }

    public static async Task<ReadReach> AuthoriseReadAsync(RecordTraces traces, AccessPolicy policy, RecordScope scope, string action, bool ownDocumentsOnly)
    {
        var decision = policy.Read(scope.Access, scope.Standing, ownDocumentsOnly);
        await traces.EnsureAsync(scope, action, decision.Refusal);
        return decision.Reach;
    }
}
