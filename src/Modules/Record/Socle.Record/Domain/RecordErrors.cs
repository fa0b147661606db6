namespace Socle.Record.Domain;

/// <summary>The Record module's error catalogue; codes are stable and documented in the module README.</summary>
internal static class RecordErrors
{
    public static readonly DomainError InvalidBundle = new("RECORD-0001", ErrorKind.Validation, "The bundle is not a valid MHD Provide Document Bundle.");
    public static readonly DomainError DanglingReference = new("RECORD-0002", ErrorKind.Validation, "A reference in the bundle points to nothing in it.");
    public static readonly DomainError UnknownCode = new("RECORD-0003", ErrorKind.Validation, "A metadata code is not in its value set.");
    public static readonly DomainError HashMismatch = new("RECORD-0004", ErrorKind.Validation, "The declared SHA-1 hash does not match the content.");
    public static readonly DomainError SizeMismatch = new("RECORD-0005", ErrorKind.Validation, "The declared size does not match the content.");
    public static readonly DomainError CdaDtd = new("RECORD-0006", ErrorKind.Validation, "The CDA carries a DTD or an entity declaration; neither is accepted.");
    public static readonly DomainError CdaMalformed = new("RECORD-0007", ErrorKind.Validation, "The document is not a well-formed CDA R2 document.");
    public static readonly DomainError CdaContradicts = new("RECORD-0008", ErrorKind.BusinessRule, "The CDA header contradicts the metadata.");
    public static readonly DomainError DocumentTooLarge = new("RECORD-0009", ErrorKind.PayloadTooLarge, "The document exceeds the configured size limit.");
    public static readonly DomainError NotQualified = new("RECORD-0010", ErrorKind.BusinessRule, "A record is kept only for a qualified INS (identity status QUAL).");
    public static readonly DomainError RecordClosed = new("RECORD-0011", ErrorKind.Forbidden, "The record is closed by the patient (opposition): nothing can be read or written.");
    public static readonly DomainError DuplicateUniqueId = new("RECORD-0012", ErrorKind.Conflict, "A document with this unique id was deposited with a different content.");
    public static readonly DomainError Blocked = new("RECORD-0013", ErrorKind.Forbidden, "The patient has blocked your access to their record.");
    public static readonly DomainError NotInCareTeam = new("RECORD-0014", ErrorKind.Forbidden, "You are not in the patient's care team: declare an authorisation ($add-authorisation, patient informed) or break the glass in an emergency.");
    public static readonly DomainError EmergencyForbidden = new("RECORD-0015", ErrorKind.Forbidden, "The patient has forbidden emergency (break-the-glass) access to their record.");
    public static readonly DomainError PersonRequired = new("RECORD-0016", ErrorKind.Forbidden, "The record is accessed by a person: a professional (directly or through their organisation) or the patient.");
    public static readonly DomainError NotYourRight = new("RECORD-0017", ErrorKind.Forbidden, "This action is reserved to other actors.");
    public static readonly DomainError DocumentNotFound = new("RECORD-0018", ErrorKind.NotFound, "No such document in a record you may read.");
    public static readonly DomainError RecordNotFound = new("RECORD-0019", ErrorKind.NotFound, "No record for this patient.");
    public static readonly DomainError InvalidParameter = new("RECORD-0020", ErrorKind.Validation, "Invalid parameter.");
    public static readonly DomainError NotReplaceable = new("RECORD-0021", ErrorKind.BusinessRule, "Only a current document of the same record can be replaced.");
    public static readonly DomainError NoActivity = new("RECORD-0022", ErrorKind.Forbidden, "The token names no profession for the professional: log in with an activity.");
    public static readonly DomainError WrongState = new("RECORD-0023", ErrorKind.BusinessRule, "The record is not in a state that allows this.");
    public static readonly DomainError NotAMinor = new("RECORD-0025", ErrorKind.BusinessRule, "Legal representatives are declared for a minor, by two distinct qualified INS.");
    public static readonly DomainError OwnRecordOnly = new("RECORD-0024", ErrorKind.Forbidden, "A patient reaches only their own record (or that of a minor they represent).");
}
