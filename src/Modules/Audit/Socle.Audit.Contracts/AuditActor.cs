namespace Socle.Audit.Contracts;

/// <summary>Who acted: the software client, its organisation (FINESS), the person when there is one, why and from where.</summary>
public sealed record AuditActor(string ClientId, string Organisation, string? PersonId, string Purpose, string? SourceAddress);
