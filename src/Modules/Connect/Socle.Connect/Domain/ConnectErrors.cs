using Socle.BuildingBlocks.Errors;

namespace Socle.Connect.Domain;

internal static class ConnectErrors
{
    public static readonly DomainError InvalidOrganisation = new("CONN-0001", ErrorKind.Validation, "The organisation must be a valid FINESS number (9 characters with a valid check digit).");
    public static readonly DomainError UnknownScope = new("CONN-0002", ErrorKind.Validation, "Unknown scope.");
    public static readonly DomainError InvalidName = new("CONN-0003", ErrorKind.Validation, "The client name must be 1 to 200 characters.");
    public static readonly DomainError NoScope = new("CONN-0004", ErrorKind.Validation, "A client needs at least one scope.");
}
