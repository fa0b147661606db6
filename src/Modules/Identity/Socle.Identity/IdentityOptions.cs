using System.ComponentModel.DataAnnotations;

namespace Socle.Identity;

public sealed class IdentityOptions
{
    public const string SectionName = "Socle:Identity";

    /// <summary>Size of the synthetic national population seeded on first start (sandbox). 0 disables seeding.</summary>
    [Range(0, 100_000_000)]
    public long SandboxPopulation { get; set; } = 10_000;
}
