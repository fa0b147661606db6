namespace Socle.Record.Access;

/// <summary>The caller as the record sees it, resolved once per request from the access token.</summary>
/// <param name="Ins">For a patient: the INS of their own (qualified) identity.</param>
/// <param name="Indirect">The professional acts through their organisation's authentication (auth_mode indirect).</param>
internal sealed record RecordCaller(AccessCaller Access, string? Ins, bool Indirect)
{
    public string? IdNat => Access.IdNat;

    public bool IsProfessional => Access.IsProfessional;
}

/// <summary>The record a request is about, with the caller's standing in it (for a patient: holder or representative).</summary>
internal sealed record RecordScope(PatientRecord Record, RecordCaller Caller, RecordStanding Standing)
{
    public AccessCaller Access => Caller.Access;

    public string PatientKey => Record.Id.ToString("N");
}
