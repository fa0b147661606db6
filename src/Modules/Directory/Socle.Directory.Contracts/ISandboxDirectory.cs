namespace Socle.Directory.Contracts;

/// <summary>Synthetic directory extracts in the public formats, for the sandbox and benchmarks.</summary>
public interface ISandboxDirectory
{
    /// <summary>
    /// Writes the four extract files for <paramref name="persons"/> synthetic professionals into <paramref name="directory"/>.
    /// Day 0 is the first snapshot; day 1, 2... are the following days' files, about 1 % different.
    /// </summary>
    Task<GeneratedExtract> GenerateAsync(int persons, string directory, int day, IProgress<long>? progress, CancellationToken cancellationToken);

    /// <summary>Generates and imports the sandbox directory if no snapshot has been published yet.</summary>
    Task<ImportReport?> SeedAsync(int persons, string workDirectory, CancellationToken cancellationToken);

    /// <summary>
    /// IdNat_PS of professionals of the published directory with a current activity, in identifier order,
    /// optionally only those of one profession (TRE_G15 code): the sandbox accounts of Connect are theirs.
    /// </summary>
    Task<IReadOnlyList<string>> ListProfessionalsAsync(int count, string? professionCode, CancellationToken cancellationToken);
}

/// <summary>The generated files and their line counts.</summary>
public sealed record GeneratedExtract(IReadOnlyList<string> Files, long ActivityRows, long MailboxRows);
