namespace Socle.BuildingBlocks.Errors;

/// <summary>The closed set of error families; each maps to exactly one HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    PreconditionFailed,
    BusinessRule,
    PayloadTooLarge,
    Internal,
    Unavailable,
}
