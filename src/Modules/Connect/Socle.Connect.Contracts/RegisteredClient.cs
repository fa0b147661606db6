namespace Socle.Connect.Contracts;

/// <summary>The credentials of a new client. The secret is shown once; only its hash is kept. Null for a public client.</summary>
public sealed record RegisteredClient(string ClientId, string? ClientSecret);
