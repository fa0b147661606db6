namespace Socle.BuildingBlocks.Errors;

/// <summary>Thrown when a request breaks a catalogued rule; the exception handler turns it into a 4xx.</summary>
public sealed class DomainException : Exception
{
    public DomainException(DomainError error)
        : base(error.Message) => Error = error;

    public DomainError Error { get; }
}
