namespace Socle.Record.Domain;

/// <summary>One patient's shared record, keyed by the qualified INS.</summary>
internal sealed class PatientRecord
{
    public Guid Id { get; set; }

    public string Ins { get; set; } = string.Empty;

    public string InsOid { get; set; } = string.Empty;

    public DateOnly BirthDate { get; set; }

    public long CreatedAtMs { get; set; }

    /// <summary>When the patient closed the record (opposition); null while open.</summary>
    public long? ClosedAtMs { get; set; }

    public bool EmergencyAccessForbidden { get; set; }

    /// <summary>The IdNat_PS of the médecin traitant the patient declared.</summary>
    public string? MedecinTraitant { get; set; }
}

internal static class MemberStatuses
{
    public const string Authorised = "authorised";
    public const string Blocked = "blocked";
}

/// <summary>A professional's standing in a record: in the care team (authorised) or blocked by the patient.</summary>
internal sealed class RecordMember
{
    public Guid RecordId { get; set; }

    public string IdNat { get; set; } = string.Empty;

    public string Status { get; set; } = MemberStatuses.Authorised;

    public long UpdatedAtMs { get; set; }
}

/// <summary>A break-the-glass access: granted for a limited time, with the reason the professional gave.</summary>
internal sealed class EmergencyAccess
{
    public Guid Id { get; set; }

    public Guid RecordId { get; set; }

    public string IdNat { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;

    public long StartedAtMs { get; set; }

    public long ExpiresAtMs { get; set; }
}

/// <summary>A legal representative of a minor: the holder of another qualified INS.</summary>
internal sealed class RecordRepresentative
{
    public Guid RecordId { get; set; }

    public string RepresentativeIns { get; set; } = string.Empty;

    public long DeclaredAtMs { get; set; }
}

/// <summary>
/// A local identity (of an organisation's repository) that designates this record. Deposits create it; a merge of
/// identities adds one for the survivor (<see cref="ViaMergeOf"/>) so that the documents follow it; an unmerge removes it.
/// </summary>
internal sealed class RecordPatientLink
{
    public Guid PatientId { get; set; }

    public Guid RecordId { get; set; }

    public Guid? ViaMergeOf { get; set; }
}

internal static class DocumentStatuses
{
    public const string Current = "current";
    public const string Superseded = "superseded";
    public const string Deprecated = "deprecated";
}

/// <summary>A document of a record: its XDS metadata in columns (searched), the DocumentReference as deposited, the bytes apart.</summary>
internal sealed class DocumentEntry
{
    public Guid Id { get; set; }

    public Guid RecordId { get; set; }

    public Guid SubmissionSetId { get; set; }

    public string UniqueId { get; set; } = string.Empty;

    public string Status { get; set; } = DocumentStatuses.Current;

    public long? DeletedAtMs { get; set; }

    public string ClassCode { get; set; } = string.Empty;

    public string TypeCode { get; set; } = string.Empty;

    public string FormatCode { get; set; } = string.Empty;

    public string? FacilityCode { get; set; }

    public string? PracticeSettingCode { get; set; }

    /// <summary>The event codes, space-separated with a leading and trailing space (searched with LIKE '% code %').</summary>
    public string EventCodes { get; set; } = " ";

    public string Confidentiality { get; set; } = "N";

    public int Visibility { get; set; }

    /// <summary>The IdNat_PS of the author; null when the patient deposited it.</summary>
    public string? AuthorIdNat { get; set; }

    public string? AuthorStructure { get; set; }

    public long DateMs { get; set; }

    public long? ServiceStartMs { get; set; }

    public long? ServiceStopMs { get; set; }

    public long Size { get; set; }

    public string Sha1 { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public Guid? ReplacesId { get; set; }

    public string ResourceJson { get; set; } = string.Empty;

    public bool Deleted => DeletedAtMs is not null;

    public DocumentFacts Facts => new(TypeCode, (Visibility)Visibility, AuthorIdNat, Deleted);
}

internal sealed class DocumentContent
{
    public Guid DocumentId { get; set; }

    public byte[] Bytes { get; set; } = [];
}

/// <summary>A submission set (MHD List): one deposit.</summary>
internal sealed class SubmissionSetEntry
{
    public Guid Id { get; set; }

    public Guid RecordId { get; set; }

    public string UniqueId { get; set; } = string.Empty;

    public string? AuthorIdNat { get; set; }

    public long SubmittedAtMs { get; set; }

    public string ResourceJson { get; set; } = string.Empty;
}
