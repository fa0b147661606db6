namespace Socle.Identity.Contracts;

public interface IPatientIdentities
{
    Task<PatientIdentity?> FindAsync(Guid patientId, CancellationToken cancellationToken);

    /// <summary>The qualified identities that carry this INS, across organisations.</summary>
    Task<IReadOnlyList<PatientIdentity>> FindQualifiedByInsAsync(string ins, CancellationToken cancellationToken);
}
