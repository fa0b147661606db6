using System.ComponentModel.DataAnnotations;

namespace Socle.Directory;

public sealed class DirectoryOptions
{
    public const string SectionName = "Socle:Directory";

    /// <summary>Professionals of the synthetic directory seeded on first start (sandbox). 0 disables seeding.</summary>
    [Range(0, 1_000_000)]
    public int SandboxPersons { get; set; } = 3_000;

    /// <summary>Above this share of rejected lines the whole import is refused and the previous snapshot stays.</summary>
    [Range(0.0, 1.0)]
    public double MaxRejectedRatio { get; set; } = 0.01;

    /// <summary>Largest (uncompressed) extract file accepted, in bytes: a guard against zip bombs.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 8L * 1024 * 1024 * 1024;

    /// <summary>How often a process checks whether another one published a new snapshot (cache invalidation).</summary>
    [Range(100, 3_600_000)]
    public int SnapshotCheckIntervalMs { get; set; } = 2_000;
}
