namespace Socle.Audit.Contracts;

public interface IAuditLog
{
    /// <summary>Checks the whole chain and names the first broken entry.</summary>
    Task<AuditVerification> VerifyAsync(IProgress<long>? progress, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);
}
