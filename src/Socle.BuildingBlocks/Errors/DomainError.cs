namespace Socle.BuildingBlocks.Errors;

/// <summary>A catalogued error: a stable code (for example <c>IDENT-0004</c>), its family and a message for people.</summary>
public sealed record DomainError(string Code, ErrorKind Kind, string Message)
{
    public DomainException ToException() => new(this);

    public DomainError WithMessage(string message) => this with { Message = message };

    public int HttpStatus => Kind switch
    {
        ErrorKind.Validation => 400,
        ErrorKind.Unauthorized => 401,
        ErrorKind.Forbidden => 403,
        ErrorKind.NotFound => 404,
        ErrorKind.Conflict => 409,
        ErrorKind.PreconditionFailed => 412,
        ErrorKind.PayloadTooLarge => 413,
        ErrorKind.BusinessRule => 422,
        ErrorKind.Internal => 500,
        ErrorKind.Unavailable => 503,
        _ => 500,
    };
}
