namespace Socle.Identity.Contracts;

/// <summary>The synthetic national population behind the sandbox INSi teleservice.</summary>
public interface ISandboxIdentities
{
    /// <summary>Makes the population hold at least <paramref name="count"/> identities (appends only what is missing).</summary>
    Task<SeedResult> SeedAsync(long count, IProgress<long>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Reference identities for tests and vendors. With <paramref name="homonyms"/>, identities that share family
    /// name, first given name, birth date and sex with another one (INSi answers 02 on those traits).
    /// </summary>
    Task<IReadOnlyList<SandboxIdentity>> ListAsync(int count, bool homonyms, CancellationToken cancellationToken);

    /// <summary>
    /// Qualifies the first <paramref name="count"/> reference identities in <paramref name="organisation"/>'s repository,
    /// as a patient space does at enrolment: traits from INSi, identity checked with the appli carte Vitale (AV), so
    /// QUAL. Identities already there are reused; the answer is in reference order.
    /// </summary>
    Task<IReadOnlyList<PatientIdentity>> EnrolQualifiedAsync(string organisation, int count, CancellationToken cancellationToken);
}

public sealed record SeedResult(long Existing, long Added);
