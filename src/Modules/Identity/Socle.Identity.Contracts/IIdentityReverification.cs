namespace Socle.Identity.Contracts;

public interface IIdentityReverification
{
    /// <summary>Re-verifies every RECUP/QUAL identity of an organisation against the reference; downgrades what no longer matches.</summary>
    Task<ReverificationReport> ReverifyAsync(string organisation, IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken);
}

public sealed record ReverificationReport(string Organisation, long Checked, long Confirmed, IReadOnlyList<ReverificationDowngrade> Downgrades);

public sealed record ReverificationDowngrade(Guid PatientId, string PreviousStatus, string NewStatus, string Reason);
