namespace Socle.BuildingBlocks.Errors;

/// <summary>Errors of the platform itself (codes <c>SOCLE-xxxx</c>), shared by every module.</summary>
public static class CommonErrors
{
    public static readonly DomainError MalformedBody = new("SOCLE-0001", ErrorKind.Validation, "The request body is not valid JSON.");
    public static readonly DomainError UnknownParameter = new("SOCLE-0002", ErrorKind.Validation, "Unknown parameter.");
    public static readonly DomainError InvalidParameter = new("SOCLE-0003", ErrorKind.Validation, "Invalid parameter value.");
    public static readonly DomainError BodyTooLarge = new("SOCLE-0004", ErrorKind.PayloadTooLarge, "The request body exceeds the size limit.");
    public static readonly DomainError Unauthenticated = new("SOCLE-0005", ErrorKind.Unauthorized, "A valid access token is required.");
    public static readonly DomainError MissingScope = new("SOCLE-0006", ErrorKind.Forbidden, "The access token does not carry the scope this operation requires.");
    public static readonly DomainError NotFound = new("SOCLE-0007", ErrorKind.NotFound, "Not found.");
    public static readonly DomainError UnsupportedMediaType = new("SOCLE-0008", ErrorKind.Validation, "Unsupported content type.");
    public static readonly DomainError Starting = new("SOCLE-0012", ErrorKind.Unavailable, "Socle is starting: its schema and sandbox data are being prepared. Retry in a moment.");
    public static readonly DomainError ConcurrencyConflict = new("SOCLE-0009", ErrorKind.Conflict, "The resource was changed by someone else; read it again and retry.");
}
