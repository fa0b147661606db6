using Socle.BuildingBlocks.Security;

namespace Socle.Cli;

/// <summary>The operator at the terminal: audited as the CLI client, acting for the organisation a command names.</summary>
internal sealed class OperatorCallerContext : ICallerContext
{
    public string ClientId => "socle-cli";

    public string Organisation { get; set; } = "operator";

    public string? PersonId => Environment.UserName;

    public string Purpose => "HOPERAT";

    public string? SourceAddress => "cli@" + Environment.MachineName;
}
