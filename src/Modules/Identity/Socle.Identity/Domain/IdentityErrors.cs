using Socle.BuildingBlocks.Errors;

namespace Socle.Identity.Domain;

/// <summary>The Identity module's error catalogue; codes are stable and documented in the module README.</summary>
internal static class IdentityErrors
{
    public static readonly DomainError InvalidNir = new("IDENT-0001", ErrorKind.Validation, "Invalid INS matricule.");
    public static readonly DomainError WrongInsOid = new("IDENT-0002", ErrorKind.Validation, "The INS is not under an INS assigning authority OID.");
    public static readonly DomainError InvalidName = new("IDENT-0003", ErrorKind.Validation, "Invalid name.");
    public static readonly DomainError InvalidBirthDate = new("IDENT-0004", ErrorKind.Validation, "Invalid birth date.");
    public static readonly DomainError InvalidGender = new("IDENT-0005", ErrorKind.Validation, "Invalid gender.");
    public static readonly DomainError InvalidBirthplace = new("IDENT-0006", ErrorKind.Validation, "Invalid place-of-birth code.");
    public static readonly DomainError StatusIsDerived = new("IDENT-0007", ErrorKind.Validation, "The identity status is derived by Socle and cannot be set.");
    public static readonly DomainError InsOnlyThroughInsi = new("IDENT-0008", ErrorKind.BusinessRule, "An INS is attached only from an INSi result, with $attach-ins.");
    public static readonly DomainError MissingParameter = new("IDENT-0009", ErrorKind.Validation, "A required parameter is missing.");
    public static readonly DomainError PatientNotFound = new("IDENT-0010", ErrorKind.NotFound, "No such patient in your organisation's identity repository.");
    public static readonly DomainError InvalidRetrievalId = new("IDENT-0011", ErrorKind.Validation, "The retrieval-id is unknown, expired or was issued to another organisation.");
    public static readonly DomainError UnknownDocumentType = new("IDENT-0012", ErrorKind.Validation, "Unknown high-trust document type.");
    public static readonly DomainError InsiForbiddenForAttribute = new("IDENT-0013", ErrorKind.BusinessRule, "A doubtful or fictitious identity stays provisional: no INSi call, no validation (RNIV).");
    public static readonly DomainError DoubtfulAndFictitious = new("IDENT-0014", ErrorKind.Validation, "An identity cannot be both doubtful and fictitious (RNIV).");
    public static readonly DomainError MergeIntoItself = new("IDENT-0015", ErrorKind.BusinessRule, "An identity cannot be merged into itself.");
    public static readonly DomainError MergeAcrossOrganisations = new("IDENT-0016", ErrorKind.BusinessRule, "Both identities must belong to your organisation's repository.");
    public static readonly DomainError AlreadyMerged = new("IDENT-0017", ErrorKind.Conflict, "The identity is already merged.");
    public static readonly DomainError NotMerged = new("IDENT-0018", ErrorKind.Conflict, "The identity is not merged.");
    public static readonly DomainError DifferentIns = new("IDENT-0019", ErrorKind.BusinessRule, "The two identities carry different INS: they are two people.");
    public static readonly DomainError InvalidIdentifier = new("IDENT-0020", ErrorKind.Validation, "Invalid identifier.");
    public static readonly DomainError DuplicateIpp = new("IDENT-0021", ErrorKind.Conflict, "This local identifier (IPP) is already used in your organisation.");
    public static readonly DomainError VersionConflict = new("IDENT-0022", ErrorKind.PreconditionFailed, "The patient was changed since the version you sent (If-Match).");
    public static readonly DomainError SourceIdentifierUnknown = new("IDENT-0023", ErrorKind.NotFound, "The source identifier is not known to Socle.");
    public static readonly DomainError MergedIdentity = new("IDENT-0024", ErrorKind.BusinessRule, "The identity was merged into another one; work on the surviving identity.");
    public static readonly DomainError IppIsImmutable = new("IDENT-0026", ErrorKind.BusinessRule, "The local identifier (IPP) of an identity cannot change.");
    public static readonly DomainError InsAlreadyAttached = new("IDENT-0027", ErrorKind.Conflict, "Another identity of your repository already carries this INS: merge the duplicates.");
    public static readonly DomainError PatientCaller = new("IDENT-0028", ErrorKind.Forbidden, "A patient's token does not reach the identity repository or the INSi teleservice: they serve the organisation and its staff.");
    public static readonly DomainError InvalidTraitsForInsi = new("IDENT-0025", ErrorKind.Validation, "INSi needs the birth family name, the birth given name(s), the birth date and the sex (or the Vitale card data).");
}
