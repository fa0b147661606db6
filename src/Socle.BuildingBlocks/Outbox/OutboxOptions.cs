using System.ComponentModel.DataAnnotations;

namespace Socle.BuildingBlocks.Outbox;

public sealed class OutboxOptions
{
    public const string SectionName = "Socle:Outbox";

    [Range(10, 60_000)]
    public int PollIntervalMs { get; set; } = 500;

    /// <summary>Off in the CLI: a command does its work and leaves delivery to the running host.</summary>
    public bool DispatchInBackground { get; set; } = true;
}
