namespace Socle.Audit.Contracts;

public interface IAuditLog
{
    /// <summary>Checks the whole chain and names the first broken entry.</summary>
    Task<AuditVerification> VerifyAsync(IProgress<long>? progress, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The entries about one patient whose action starts with <paramref name="actionPrefix"/>, newest first,
    /// older than <paramref name="beforeSequence"/> when given (for paging).
    /// </summary>
    Task<IReadOnlyList<AuditRecord>> ListForPatientAsync(string patientId, string actionPrefix, int count, long? beforeSequence, CancellationToken cancellationToken);
}
