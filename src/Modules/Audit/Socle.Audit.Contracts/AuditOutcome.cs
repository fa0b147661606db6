namespace Socle.Audit.Contracts;

public enum AuditOutcome
{
    Success,
    Denied,
    Failed,
}
