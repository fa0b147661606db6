using Socle.BuildingBlocks.Errors;

namespace Socle.Connect.Domain;

internal static class ConnectErrors
{
    public static readonly DomainError InvalidOrganisation = new("CONN-0001", ErrorKind.Validation, "The organisation must be a valid FINESS number (9 characters with a valid check digit).");
    public static readonly DomainError UnknownScope = new("CONN-0002", ErrorKind.Validation, "Unknown scope.");
    public static readonly DomainError InvalidName = new("CONN-0003", ErrorKind.Validation, "The client name must be 1 to 200 characters.");
    public static readonly DomainError NoScope = new("CONN-0004", ErrorKind.Validation, "A client needs at least one scope.");
    public static readonly DomainError InvalidRedirectUri = new("CONN-0005", ErrorKind.Validation, "A redirect URI must be an absolute https URI (http only for localhost), without fragment.");
    public static readonly DomainError InvalidGrantTypes = new("CONN-0006", ErrorKind.Validation, "Unknown or inconsistent grant types.");
    public static readonly DomainError InvalidPublicKey = new("CONN-0007", ErrorKind.Validation, "The public key must be a PEM EC P-256 or RSA (2048 bits or more) public key.");
    public static readonly DomainError UnknownProfessional = new("CONN-0008", ErrorKind.NotFound, "No professional of the directory has this IdNat_PS or RPPS.");
    public static readonly DomainError AccountExists = new("CONN-0009", ErrorKind.Conflict, "This person already has an account.");
    public static readonly DomainError NoQualifiedIdentity = new("CONN-0010", ErrorKind.NotFound, "No qualified (QUAL) identity carries this INS; qualify it in the Identity module first.");
    public static readonly DomainError InvalidEmail = new("CONN-0011", ErrorKind.Validation, "The e-mail address is not valid.");
}
