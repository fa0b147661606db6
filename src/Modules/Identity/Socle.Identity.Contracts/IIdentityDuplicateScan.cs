namespace Socle.Identity.Contracts;

public interface IIdentityDuplicateScan
{
    /// <summary>Scores every likely pair of active identities of an organisation (blocked on phonetic family key and on birth date).</summary>
    Task<DuplicateScanReport> ScanAsync(string organisation, IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken);
}

public sealed record DuplicateScanReport(string Organisation, long IdentitiesScanned, long PairsCompared, IReadOnlyList<DuplicatePair> Pairs);

public sealed record DuplicatePair(Guid First, Guid Second, double Score, string Grade, IReadOnlyList<string> AgreedTraits);
