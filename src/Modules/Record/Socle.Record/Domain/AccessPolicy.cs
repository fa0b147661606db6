namespace Socle.Record.Domain;

internal enum CallerKind
{
    Patient,
    Representative,
    Professional,
}

/// <summary>Who acts on a record, as the access rules see them.</summary>
/// <param name="IdNat">The professional's IdNat_PS (null for patients and representatives).</param>
/// <param name="Profession">The TRE_G15 profession of the professional's chosen activity.</param>
/// <param name="Specialty">The professional's savoir-faire (specialty) for that profession, when they have one.</param>
/// <param name="PharmacistSection">The TRE_G05 section of the Ordre des pharmaciens of that activity, for pharmacists.</param>
internal sealed record AccessCaller(CallerKind Kind, string? IdNat, string? Profession, string? Specialty = null, string? PharmacistSection = null)
{
    public bool IsProfessional => Kind == CallerKind.Professional;
}

/// <summary>What the record says about the caller: the patient's settings and the caller's standing.</summary>
internal sealed record RecordStanding(
    bool Closed,
    bool EmergencyAccessForbidden,
    bool Blocked,
    bool Authorised,
    bool MedecinTraitant,
    bool BreakTheGlass);

/// <summary>The facts of one document the rules read.</summary>
internal sealed record DocumentFacts(string Type, Visibility Visibility, string? AuthorIdNat, bool Deleted);

/// <summary>How far a caller reaches into a record.</summary>
internal enum ReadReach
{
    /// <summary>The documents the caller authored, nothing else.</summary>
    OwnDocuments,

    /// <summary>As a member of the care team (authorisation or médecin traitant).</summary>
    CareTeam,

    /// <summary>Under break-the-glass: non-masked documents, for a limited time.</summary>
    Emergency,

    /// <summary>The patient or their legal representative.</summary>
    Holder,
}

internal sealed record AccessDecision(bool Allowed, ReadReach Reach, DomainError? Refusal)
{
    public static AccessDecision Allow(ReadReach reach) => new(true, reach, null);

    public static AccessDecision Refuse(DomainError refusal) => new(false, ReadReach.OwnDocuments, refusal);
}

/// <summary>
/// The access rules of the shared record, as pure functions of the caller, the record standing and the document:
/// one place, tested as a decision table, applied by every endpoint.
/// </summary>
internal sealed class AccessPolicy(AccessMatrix matrix)
{
    /// <summary>May the caller read (search, read, retrieve) in this record, and how far?</summary>
    /// <param name="ownDocumentsOnly">The request is limited to the caller's own deposits (author search, own document).</param>
    public AccessDecision Read(AccessCaller caller, RecordStanding record, bool ownDocumentsOnly)
    {
        if (record.Closed)
        {
            return AccessDecision.Refuse(RecordErrors.RecordClosed);
        }

        if (!caller.IsProfessional)
        {
            return AccessDecision.Allow(ReadReach.Holder);
        }

        if (!record.Blocked && (record.Authorised || record.MedecinTraitant))
        {
            return AccessDecision.Allow(ReadReach.CareTeam);
        }

        if (!record.Blocked && record.BreakTheGlass && !record.EmergencyAccessForbidden)
        {
            return AccessDecision.Allow(ReadReach.Emergency);
        }

        // An author always sees what they deposited, even when blocked or outside the care team.
        if (ownDocumentsOnly)
        {
            return AccessDecision.Allow(ReadReach.OwnDocuments);
        }

        return AccessDecision.Refuse(record.Blocked ? RecordErrors.Blocked : RecordErrors.NotInCareTeam);
    }

    /// <summary>Within a reach already granted, is this document shown to the caller? Hidden ones are never revealed.</summary>
    public bool Shows(AccessCaller caller, RecordStanding record, ReadReach reach, DocumentFacts document)
    {
        if (document.Deleted)
        {
            return false;
        }

        switch (caller.Kind)
        {
            case CallerKind.Patient:
                return !document.Visibility.HasFlag(Visibility.HiddenFromPatient);
            case CallerKind.Representative:
                return !document.Visibility.HasFlag(Visibility.HiddenFromPatient) && !document.Visibility.HasFlag(Visibility.HiddenFromRepresentatives);
        }

        if (document.AuthorIdNat is not null && document.AuthorIdNat == caller.IdNat)
        {
            return true;
        }

        if (reach is not (ReadReach.CareTeam or ReadReach.Emergency) || caller.Profession is null
            || !matrix.MayRead(caller.Profession, document.Type, caller.Specialty, caller.PharmacistSection))
        {
            return false;
        }

        // Masked documents: only the médecin traitant among the other professionals, and never under break-the-glass.
        return !document.Visibility.HasFlag(Visibility.HiddenFromProfessionals) || (reach == ReadReach.CareTeam && record.MedecinTraitant);
    }

    /// <summary>
    /// Would the caller see this document if they read the record now? Writes that name a document (a replacement) use it
    /// to answer a hidden document as an absent one, so that their refusal reveals nothing.
    /// </summary>
    public bool Sees(AccessCaller caller, RecordStanding record, DocumentFacts document)
    {
        var decision = Read(caller, record, ownDocumentsOnly: caller.IsProfessional && IsAuthor(caller, document));
        return decision.Allowed && Shows(caller, record, decision.Reach, document);
    }

    /// <summary>May the caller deposit a document in this record? Feeding needs no authorisation (DMP V2), only an open record and no block.</summary>
    public static DomainError? Deposit(AccessCaller caller, RecordStanding record, string classCode)
    {
        if (record.Closed)
        {
            return RecordErrors.RecordClosed;
        }

        if (!caller.IsProfessional)
        {
            return classCode == ValueSets.PatientDocumentClass
                ? null
                : RecordErrors.NotYourRight.WithMessage($"A patient deposits documents of class {ValueSets.PatientDocumentClass} (documents déposés par le patient) only.");
        }

        return record.Blocked ? RecordErrors.Blocked : null;
    }

    /// <summary>May the caller change this document's visibility to <paramref name="wanted"/>?</summary>
    public static DomainError? ChangeVisibility(AccessCaller caller, RecordStanding record, DocumentFacts document, Visibility wanted)
    {
        if (record.Closed)
        {
            return RecordErrors.RecordClosed;
        }

        if (IsAuthor(caller, document))
        {
            return null;
        }

        if (caller.IsProfessional)
        {
            return RecordErrors.NotYourRight.WithMessage("Only the author, the patient or a legal representative changes a document's visibility.");
        }

        // The patient and the representatives hide from or show to professionals; the other flags belong to the author.
        var changed = document.Visibility ^ wanted;
        return (changed & ~Visibility.HiddenFromProfessionals) == 0
            ? null
            : RecordErrors.NotYourRight.WithMessage("A patient changes only MASQUE_PS; the other visibilities are the author's.");
    }

    /// <summary>May the caller delete the document (kept for the traces, never returned again)?</summary>
    public static DomainError? Delete(AccessCaller caller, RecordStanding record, DocumentFacts document) =>
        record.Closed ? RecordErrors.RecordClosed
        : IsAuthor(caller, document) || !caller.IsProfessional ? null
        : RecordErrors.NotYourRight.WithMessage("Only the author or the patient deletes a document.");

    /// <summary>May the caller replace or deprecate the document? Only its author.</summary>
    public static DomainError? Amend(AccessCaller caller, RecordStanding record, DocumentFacts document) =>
        record.Closed ? RecordErrors.RecordClosed
        : IsAuthor(caller, document) ? null
        : RecordErrors.NotYourRight.WithMessage("Only the author replaces or deprecates a document.");

    /// <summary>May the professional declare an emergency (break-the-glass)?</summary>
    public static DomainError? BreakTheGlass(AccessCaller caller, RecordStanding record) =>
        !caller.IsProfessional ? RecordErrors.NotYourRight.WithMessage("Break-the-glass is for professionals.")
        : record.Closed ? RecordErrors.RecordClosed
        : record.Blocked ? RecordErrors.Blocked
        : record.EmergencyAccessForbidden ? RecordErrors.EmergencyForbidden
        : null;

    /// <summary>May the professional declare themselves in the care team (the patient being informed)?</summary>
    public static DomainError? Authorise(AccessCaller caller, RecordStanding record) =>
        !caller.IsProfessional ? RecordErrors.NotYourRight.WithMessage("Authorisations are declared by professionals at the point of care.")
        : record.Closed ? RecordErrors.RecordClosed
        : record.Blocked ? RecordErrors.Blocked
        : null;

    private static bool IsAuthor(AccessCaller caller, DocumentFacts document) =>
        caller.IsProfessional ? document.AuthorIdNat is not null && document.AuthorIdNat == caller.IdNat : document.AuthorIdNat is null;
}
